//! Whether brief runs as a job of a shell with job control: the one case in which
//! stopping it (Ctrl-z) gives the terminal to someone who can continue it (`fg`).
//! Started in a terminal of its own (`tmux new brief`, `xterm -e brief`, `ssh -t host
//! brief`), brief's process group is orphaned, the kernel would discard a SIGTSTP,
//! and a SIGSTOP would leave it stopped with nobody to continue it.

/// The ids that decide it, for one process. Raw numbers, since 0 is a real answer:
/// a process whose session (or group) began outside our pid namespace, such as a
/// container's init or a test harness, reports it as 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Ids {
    pub parent: i32,
    pub group: i32,
    pub session: i32,
}

/// Whether our process group is not orphaned, as the kernel judges it.
pub(super) fn under_job_control() -> bool {
    sys::ours().is_some_and(|me| job_controlled(me, sys::ids))
}

/// Walking up from our parent through the members of our group, whether we meet a
/// process of our session outside the group (a shell that made the group a job).
/// Any doubt answers no: an unknown session, a process gone, a chain too long.
pub(super) fn job_controlled(me: Ids, lookup: impl Fn(i32) -> Option<Ids>) -> bool {
    if me.session <= 0 || me.group <= 0 {
        return false;
    }
    let mut parent = me.parent;
    // `sh -c 'brief; echo done'` puts brief in the group its shell leads; a few levels
    // are plenty.
    for _ in 0..16 {
        if parent <= 0 {
            return false;
        }
        let Some(p) = lookup(parent) else {
            return false;
        };
        if p.session != me.session {
            return false;
        }
        if p.group != me.group {
            return true;
        }
        parent = p.parent;
    }
    false
}

#[cfg(target_os = "linux")]
mod sys {
    use super::Ids;

    pub(super) fn ours() -> Option<Ids> {
        read("self")
    }

    pub(super) fn ids(pid: i32) -> Option<Ids> {
        read(&pid.to_string())
    }

    /// From `/proc/PID/stat`, which reports 0 where rustix's `getsid` would assert.
    fn read(pid: &str) -> Option<Ids> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        parse(&stat)
    }

    /// "pid (comm) state ppid pgrp session ...": the name may hold spaces and
    /// parentheses, so fields are counted from the last ')'.
    pub(super) fn parse(stat: &str) -> Option<Ids> {
        let mut fields = stat.rsplit_once(')')?.1.split_whitespace().skip(1);
        let mut next = || fields.next()?.parse().ok();
        Some(Ids {
            parent: next()?,
            group: next()?,
            session: next()?,
        })
    }
}

/// Elsewhere only the direct parent can be asked; pid namespaces (and so ids of 0)
/// are Linux's.
#[cfg(not(target_os = "linux"))]
mod sys {
    use super::Ids;
    use rustix::process::{Pid, getpgid, getpgrp, getppid, getsid};

    pub(super) fn ours() -> Option<Ids> {
        Some(Ids {
            parent: getppid().map_or(0, |p| p.as_raw_nonzero().get()),
            group: getpgrp().as_raw_nonzero().get(),
            session: getsid(None).ok()?.as_raw_nonzero().get(),
        })
    }

    pub(super) fn ids(pid: i32) -> Option<Ids> {
        let p = Pid::from_raw(pid)?;
        Some(Ids {
            parent: 0,
            group: getpgid(Some(p)).ok()?.as_raw_nonzero().get(),
            session: getsid(Some(p)).ok()?.as_raw_nonzero().get(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(parent: i32, group: i32, session: i32) -> Ids {
        Ids {
            parent,
            group,
            session,
        }
    }

    /// A table of processes by pid, as `lookup` sees them.
    fn table(rows: &[(i32, Ids)]) -> impl Fn(i32) -> Option<Ids> + '_ {
        move |pid| rows.iter().find(|(p, _)| *p == pid).map(|(_, i)| *i)
    }

    #[test]
    fn a_shell_of_our_session_outside_our_group_continues_us() {
        // bash (10) leads session 10; brief (20) is its job, group 20.
        let rows = [(10, ids(1, 10, 10))];
        assert!(job_controlled(ids(10, 20, 10), table(&rows)));
    }

    #[test]
    fn sh_c_puts_us_in_its_group_and_the_walk_goes_up_to_the_shell() {
        // bash (10) runs `sh -c 'brief; …'` (30) as job 30; brief (31) is in group 30.
        let rows = [(10, ids(1, 10, 10)), (30, ids(10, 30, 10))];
        assert!(job_controlled(ids(30, 30, 10), table(&rows)));
    }

    #[test]
    fn a_session_leader_in_a_terminal_of_its_own_is_orphaned() {
        // tmux (5, session 5) started brief (40) in a new session 40.
        let rows = [(5, ids(1, 5, 5))];
        assert!(!job_controlled(ids(5, 40, 40), table(&rows)));
    }

    #[test]
    fn a_parent_whose_session_began_outside_our_namespace_reads_as_zero() {
        // A test harness (7) in session 0 spawned brief (50) with setsid: this
        // panicked in rustix's getsid in a debug build.
        let rows = [(7, ids(1, 0, 0))];
        assert!(!job_controlled(ids(7, 50, 50), table(&rows)));
        // And our own session unknown answers no whatever the parent says.
        assert!(!job_controlled(ids(7, 50, 0), table(&[(7, ids(1, 9, 0))])));
    }

    #[test]
    fn a_parent_gone_or_a_chain_of_our_group_without_end_answers_no() {
        assert!(!job_controlled(ids(99, 20, 10), table(&[])));
        assert!(!job_controlled(ids(0, 20, 10), table(&[])));
        // Every ancestor in our group: a loop of 60 -> 60 never leaves it.
        assert!(!job_controlled(
            ids(60, 20, 10),
            table(&[(60, ids(60, 20, 10))])
        ));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn proc_stat_fields_are_counted_after_the_name() {
        let stat = "31001 (a (b) c) S 7 0 0 34816 31001 4194560 0";
        assert_eq!(sys::parse(stat), Some(ids(7, 0, 0)));
        assert_eq!(sys::parse("31001 (brief) S 7 x"), None);
        // Our own line agrees with the system calls.
        // (Not rustix's getpgrp: it asserts on the 0 a test harness may report.)
        let me = sys::ours().expect("/proc/self/stat");
        assert_eq!(
            u32::try_from(me.parent).ok(),
            Some(std::os::unix::process::parent_id())
        );
        assert!(me.group >= 0 && me.session >= 0, "{me:?}");
    }
}
