//! Whether brief runs as a job of a shell with job control: the one case in which
//! stopping it (Ctrl-z) gives the terminal to someone who can continue it (`fg`).
//! Started in a terminal of its own (`tmux new brief`, `xterm -e brief`, `ssh -t host
//! brief`), brief's process group is orphaned, the kernel would discard a SIGTSTP,
//! and a SIGSTOP would leave it stopped with nobody to continue it.

use rustix::process::{Pid, getpgid, getpgrp, getppid, getsid};

/// Whether our process group is not orphaned: walking up from our parent through
/// the members of our group, we meet a process of our session outside the group (a
/// shell that made the group a job). Any doubt answers no.
pub(super) fn under_job_control() -> bool {
    let Ok(session) = getsid(None) else {
        return false;
    };
    let group = getpgrp();
    let mut parent = getppid();
    // `sh -c 'brief; echo done'` puts brief in the group its shell leads; a few levels
    // are plenty.
    for _ in 0..16 {
        let Some(p) = parent else {
            return false;
        };
        match (getsid(Some(p)), getpgid(Some(p))) {
            (Ok(s), Ok(_)) if s != session => return false,
            (Ok(_), Ok(g)) if g != group => return true,
            (Ok(_), Ok(_)) => parent = parent_of(p),
            _ => return false,
        }
    }
    false
}

/// A process's parent, from `/proc` (Linux); `None` where there is none.
fn parent_of(child: Pid) -> Option<Pid> {
    let stat = std::fs::read_to_string(format!("/proc/{}/stat", child.as_raw_nonzero())).ok()?;
    // "pid (comm) state ppid ...": the name may hold spaces and parentheses.
    let parent = stat.rsplit(')').next()?.split_whitespace().nth(1)?;
    Pid::from_raw(parent.parse().ok()?)
}
