//! Work too long for a frame, done on a worker thread: the screen shows
//! that it is coming and stays live. [`Worker`] is one such piece of work
//! (the board pack and the slides being made); [`Aside`] keeps the value
//! for one key (a comparison), made at once when small, so small charts
//! never flash a "working" line.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// One piece of work on a thread of its own, asked after by the frames.
pub struct Worker<T> {
    receive: Receiver<T>,
    started: Instant,
}

/// How a [`Worker`]'s work stands.
pub enum Poll<T> {
    /// Still being made, for this long so far.
    Working(Duration),
    /// Made.
    Done(T),
    /// The worker died before it was done (a bug): nothing will come.
    Died,
}

impl<T: Send + 'static> Worker<T> {
    /// Starts `make` on a new thread.
    pub fn spawn(make: impl FnOnce() -> T + Send + 'static) -> Self {
        let (send, receive) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            // Nobody may be waiting any more (a newer key, the app quit):
            // then the value is dropped.
            let _ = send.send(make());
        });
        Self {
            receive,
            started: Instant::now(),
        }
    }

    /// How the work stands; never waits.
    pub fn poll(&self) -> Poll<T> {
        match self.receive.try_recv() {
            Ok(value) => Poll::Done(value),
            Err(TryRecvError::Empty) => Poll::Working(self.started.elapsed()),
            Err(TryRecvError::Disconnected) => Poll::Died,
        }
    }
}

/// The value for one key, made at once or on a [`Worker`].
pub struct Aside<K, V> {
    done: Option<(K, Arc<V>)>,
    coming: Option<(K, Worker<V>)>,
}

impl<K, V> Default for Aside<K, V> {
    fn default() -> Self {
        Self {
            done: None,
            coming: None,
        }
    }
}

/// A copy keeps the value made; one still coming is asked for again.
impl<K: Clone, V> Clone for Aside<K, V> {
    fn clone(&self) -> Self {
        Self {
            done: self.done.clone(),
            coming: None,
        }
    }
}

impl<K: std::fmt::Debug, V> std::fmt::Debug for Aside<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Aside")
            .field("done", &self.done.as_ref().map(|(k, _)| k))
            .field("coming", &self.coming.as_ref().map(|(k, _)| k))
            .finish()
    }
}

impl<K: PartialEq, V: Send + 'static> Aside<K, V> {
    /// True when the value for `key` is made or being made.
    pub fn has(&self, key: &K) -> bool {
        self.done.as_ref().is_some_and(|(k, _)| k == key)
            || self.coming.as_ref().is_some_and(|(k, _)| k == key)
    }

    /// Makes the value for `key`: now when `small`, else on a worker
    /// (whatever was coming for another key is dropped).
    pub fn start(&mut self, key: K, small: bool, make: impl FnOnce() -> V + Send + 'static) {
        self.done = None;
        self.coming = None;
        if small {
            self.done = Some((key, Arc::new(make())));
            return;
        }
        self.coming = Some((key, Worker::spawn(make)));
    }

    /// The value last started, once made.
    pub fn ready(&mut self) -> Option<Arc<V>> {
        if let Some((key, worker)) = self.coming.take() {
            match worker.poll() {
                Poll::Done(value) => self.done = Some((key, Arc::new(value))),
                Poll::Working(_) => self.coming = Some((key, worker)),
                // Nothing comes, nothing hangs.
                Poll::Died => {}
            }
        }
        self.done.as_ref().map(|(_, v)| Arc::clone(v))
    }

    /// True while a value is being made.
    pub fn is_coming(&self) -> bool {
        self.coming.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_work_is_ready_at_once_and_big_work_arrives() {
        let mut aside = Aside::default();
        aside.start(1, true, || 10);
        assert!(aside.has(&1) && !aside.has(&2));
        assert_eq!(aside.ready().as_deref(), Some(&10));
        aside.start(2, false, || {
            std::thread::sleep(std::time::Duration::from_millis(20));
            20
        });
        assert!(aside.has(&2) && !aside.has(&1), "the old value is gone");
        let mut got = None;
        for _ in 0..500 {
            got = aside.ready();
            if got.is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert_eq!(got.as_deref(), Some(&20));
        assert!(!aside.is_coming());
    }
}
