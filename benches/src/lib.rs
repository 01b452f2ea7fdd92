//! Generated Markdown documents for the benchmarks.
//!
//! The documents look like the ones plainly is for (letters, agendas, care
//! plans, technical notes) and use every Markdown feature the parser
//! handles: front matter, headings, lists, tables, links, images, inline code
//! and code blocks. Generation is deterministic: the same seed gives the same
//! text, so results compare across runs and machines.

/// A small, fast, deterministic pseudo-random generator (SplitMix64). The
/// benchmarks need repeatable text, not cryptographic randomness.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// One item of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SENTENCES: &[&str] = &[
    "We will phone you on Monday to talk about your care plan.",
    "Dr. Patel will see you at 3 p.m. on Tues. 4 Oct. in Room 2.",
    "Following the multi-agency meeting, it was agreed that your care package will be reviewed prior to any changes being implemented.",
    "Please bring your letter, your glasses and a list of your medicines, e.g. tablets, creams and inhalers.",
    "The CQC inspected the service in March and rated it good.",
    "If you need help to fill in the form, call us on 0161 496 0000.",
    "Your personal budget is £243.50 a week, paid every four weeks.",
    "In order to facilitate the transition, stakeholders should touch base going forward.",
    "You can read more at https://www.nhs.uk/conditions/dementia/ or ask your GP.",
    "Is this the right time for you?",
    "The occupational therapist will visit to assess whether additional equipment is required.",
    "We are sorry that you had to wait so long for an answer.",
    "Run the `plainly check` command before you commit your changes.",
    "Carers can get a carer's assessment to see what support they need.",
    "Meetings take place every second Thursday at the community centre on Mill Rd. The next one is on 12 June.",
    "A social worker will visit you at home; they will ask about your needs, your family and what matters to you.",
    "Notwithstanding the aforementioned considerations, the panel determined that eligibility criteria were not satisfied.",
    "Tea &amp; coffee will be available from 10:30 a.m.",
];

const HEADINGS: &[&str] = &[
    "Your care and support plan",
    "What happens next",
    "Who to contact",
    "Agenda",
    "Notes of the meeting",
    "How we assess your needs",
    "Installing the tool",
    "Money and benefits",
];

/// Appends one section (a heading and some blocks) to `out`.
fn section(rng: &mut Rng, out: &mut String) {
    out.push_str(if rng.below(3) == 0 { "# " } else { "## " });
    out.push_str(rng.pick(HEADINGS));
    out.push_str("\n\n");
    for _ in 0..1 + rng.below(4) {
        match rng.below(10) {
            0..=4 => {
                // A paragraph, hard-wrapped like real files.
                for i in 0..2 + rng.below(4) {
                    out.push_str(rng.pick(SENTENCES));
                    out.push(if i % 2 == 0 { ' ' } else { '\n' });
                }
                out.push_str("\n\n");
            }
            5 | 6 => {
                for _ in 0..2 + rng.below(4) {
                    out.push_str("- ");
                    out.push_str(rng.pick(SENTENCES));
                    out.push('\n');
                }
                out.push('\n');
            }
            7 => {
                out.push_str("| Day | Time | Where |\n|-----|------|-------|\n");
                for _ in 0..2 + rng.below(3) {
                    out.push_str(
                        "| Monday | 10:30 a.m. | [Day centre](https://example.org/day-centre) |\n",
                    );
                }
                out.push('\n');
            }
            8 => {
                out.push_str("```sh\ncargo install --path .\nplainly check docs/\n```\n\n");
            }
            _ => {
                out.push_str("> ");
                out.push_str(rng.pick(SENTENCES));
                out.push_str(" ![A map of the town centre.](map.png)\n\n");
            }
        }
    }
}

/// A document of at least `size` bytes, with front matter.
pub fn document(seed: u64, size: usize) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(size + 2048);
    out.push_str("---\ntitle: Generated document\nauthor: plainly benchmarks\n---\n\n");
    while out.len() < size {
        section(&mut rng, &mut out);
    }
    out
}

/// `count` small documents of 2 to 5 KB each.
pub fn small_documents(count: usize) -> Vec<String> {
    let mut rng = Rng::new(7);
    (0..count)
        .map(|i| document(i as u64 + 1, 2048 + rng.below(3 * 1024)))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn generation_is_deterministic_and_sized() {
        let a = super::document(1, 1 << 20);
        assert_eq!(a, super::document(1, 1 << 20));
        assert!(a.len() >= 1 << 20 && a.len() < (1 << 20) + 8192);
        let small = super::small_documents(50);
        assert!(small
            .iter()
            .all(|d| (2048..=5 * 1024 + 4096).contains(&d.len())));
    }
}
