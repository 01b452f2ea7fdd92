//! Shared by the real-editor tests: run an editor to the end, with a guard
//! against one that hangs.

use std::process::{Child, Output};
use std::time::{Duration, Instant};

/// Waits for `child` to finish, killing it after `seconds` (a guard against
/// a hung editor, not a measurement), and returns its output.
pub fn finish(mut child: Child, seconds: u64) -> Output {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    while child.try_wait().ok().flatten().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child
        .wait_with_output()
        .expect("the editor's output can be read")
}
