//! The guard of a bot's programs: a small process between orchd and the program it
//! runs, so that nothing the program starts outlives orchd.
//!
//! A parent-death signal reaches only the process that asked for it, and a shell
//! (`sh -c "sleep 300 | cat"`) does not pass it on to what it starts. So the child
//! orchd forks stays behind as a guard, leader of the program's process group: it forks
//! once more to run the program, waits for it, and exits as it did. When orchd (or the
//! thread that started it) dies, the kernel tells the guard, which signals the whole
//! group. Signals sent to the guard by anyone else are passed on to the group, so
//! stopping a bot works the same with or without it.
//!
//! Everything here runs between `fork` and `exec` of a multi-threaded process: only
//! async-signal-safe calls (sigaction, sigprocmask, sigsuspend, prctl, fork, waitpid,
//! kill, close_range, _exit).

use std::io::Read;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::Command;
use std::sync::atomic::{AtomicI32, Ordering};

/// The guard's parent-death notice (the kernel sends it when orchd's thread ends).
const PARENT_DIED: libc::c_int = libc::SIGUSR1;
/// Signals the guard passes on to the program's group.
const PASSED_ON: [libc::c_int; 3] = [libc::SIGTERM, libc::SIGINT, libc::SIGHUP];
/// Every signal the guard handles: those, its death notice, and SIGCHLD (which only
/// wakes it to reap the program).
const CAUGHT: [libc::c_int; 5] = [
    PASSED_ON[0],
    PASSED_ON[1],
    PASSED_ON[2],
    PARENT_DIED,
    libc::SIGCHLD,
];

/// The pipe the guard tells orchd its program's pid through.
pub struct Guarded {
    read: OwnedFd,
    write: OwnedFd,
}

impl Guarded {
    /// After `spawn`: the program's pid (the guard's child), what `bot status` shows and
    /// what CPU and memory are measured of.
    pub fn program_pid(self) -> Option<u32> {
        drop(self.write);
        let mut pid = [0u8; 4];
        std::fs::File::from(self.read).read_exact(&mut pid).ok()?;
        Some(u32::from_ne_bytes(pid))
    }
}

/// Run `cmd` under a guard that sends `on_death` to the program's process group when
/// the thread that spawns it ends (the bot's audio thread, or orchd when it is
/// killed). A program whose orchd is already gone by the time it runs does not start.
/// Use with `process_group(0)`; the guard leads the group.
pub fn guard(cmd: &mut Command, on_death: libc::c_int) -> std::io::Result<Guarded> {
    let parent = std::process::id() as libc::pid_t;
    let mut fds = [0; 2];
    // SAFETY: pipe2 fills two descriptors we then own.
    #[allow(unsafe_code)]
    let (read, write) = unsafe {
        if libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) < 0 {
            return Err(std::io::Error::last_os_error());
        }
        (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1]))
    };
    let tell = write.as_raw_fd();
    // SAFETY: the closure runs in the forked child and makes only async-signal-safe
    // calls; the guard branch never returns into the standard library.
    #[allow(unsafe_code)]
    unsafe {
        cmd.pre_exec(move || {
            for sig in CAUGHT {
                catch(sig)?;
            }
            if libc::prctl(libc::PR_SET_PDEATHSIG, PARENT_DIED) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            if libc::getppid() != parent {
                return Err(std::io::Error::other(
                    "orchd ended before the program started",
                ));
            }
            match libc::fork() {
                -1 => Err(std::io::Error::last_os_error()),
                0 => {
                    // The program: default signal handling, then exec.
                    for sig in CAUGHT {
                        libc::signal(sig, libc::SIG_DFL);
                    }
                    Ok(())
                }
                program => {
                    libc::write(tell, (&program as *const libc::pid_t).cast(), 4);
                    libc::prctl(libc::PR_SET_NAME, c"orch-guard".as_ptr());
                    watch(program, on_death)
                }
            }
        });
    }
    Ok(Guarded { read, write })
}

/// The last signal the guard was sent by another process (0: none pending).
static RECEIVED: AtomicI32 = AtomicI32::new(0);

extern "C" fn on_signal(sig: libc::c_int, info: *mut libc::siginfo_t, _: *mut libc::c_void) {
    // SAFETY: the kernel passes a valid siginfo to an SA_SIGINFO handler; getpid is
    // async-signal-safe.
    #[allow(unsafe_code)]
    let from_self = unsafe { (*info).si_pid() == libc::getpid() };
    // What the guard passed on to its own group comes back to it: not a new request.
    // SIGCHLD only wakes the guard to reap the program.
    if sig != libc::SIGCHLD && (!from_self || sig == PARENT_DIED) {
        RECEIVED.store(sig, Ordering::SeqCst);
    }
}

#[allow(unsafe_code)]
unsafe fn catch(sig: libc::c_int) -> std::io::Result<()> {
    // SAFETY: a zeroed sigaction is valid; the handler has the SA_SIGINFO signature.
    unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        act.sa_sigaction = on_signal as *const () as usize;
        // No SA_RESTART: waitpid returns EINTR so the guard acts on the signal.
        act.sa_flags = libc::SA_SIGINFO;
        libc::sigemptyset(&mut act.sa_mask);
        if libc::sigaction(sig, &act, std::ptr::null_mut()) < 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

/// The guard's life: wait for the program, pass signals on, exit as the program did.
#[allow(unsafe_code)]
unsafe fn watch(program: libc::pid_t, on_death: libc::c_int) -> ! {
    // SAFETY: async-signal-safe calls only; see the module comment.
    unsafe {
        // Hold none of orchd's descriptors: the program's stdout must reach end of
        // file when the program ends, and the standard library's exec-error pipe must
        // close so `spawn` returns.
        if libc::close_range(0, libc::c_uint::MAX, 0) < 0 {
            for fd in 0..1024 {
                libc::close(fd);
            }
        }
        // Signals wait (blocked) between checks and arrive only inside sigsuspend, so
        // none is missed between a check and the sleep.
        let mut blocked: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut blocked);
        for sig in CAUGHT {
            libc::sigaddset(&mut blocked, sig);
        }
        libc::sigprocmask(libc::SIG_BLOCK, &blocked, std::ptr::null_mut());
        let mut open: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut open);
        let group = libc::getpgrp();
        let mut status = 0;
        loop {
            match RECEIVED.swap(0, Ordering::SeqCst) {
                0 => {}
                PARENT_DIED => {
                    libc::kill(-group, on_death);
                }
                sig => {
                    libc::kill(-group, sig);
                }
            }
            if libc::waitpid(program, &mut status, libc::WNOHANG) == program {
                break;
            }
            libc::sigsuspend(&open);
        }
        if libc::WIFSIGNALED(status) {
            let sig = libc::WTERMSIG(status);
            libc::signal(sig, libc::SIG_DFL);
            libc::kill(libc::getpid(), sig);
            libc::_exit(128 + sig);
        }
        libc::_exit(libc::WEXITSTATUS(status))
    }
}
