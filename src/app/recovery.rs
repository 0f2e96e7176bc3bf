//! Autosave, the restore offer after a crash, and the panic hook.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::core::recovery::{FileStamp, Recovered, RecoveryStore, Session, write_recovery};
use crate::core::workspace::Workspace;

use super::ChartroomApp;

/// Unsaved work is written this long after the last edit.
pub const AUTOSAVE_DELAY_SECS: f64 = 1.0;

/// What the panic hook writes: the latest unsaved work and where it goes.
#[derive(Clone, Debug)]
pub struct CrashCopy {
    file: PathBuf,
    workspace: Workspace,
    original: Option<PathBuf>,
    stamp: Option<FileStamp>,
}

/// Shared between the app and its panic hook.
pub type SharedCrashCopy = Arc<Mutex<Option<CrashCopy>>>;

/// Autosave bookkeeping of one app.
#[derive(Default)]
pub(super) struct Autosave {
    store: Option<RecoveryStore>,
    session: Option<Session>,
    /// The editor revision last seen, and when it was first seen.
    seen_revision: u64,
    changed_at: f64,
    /// The revision the recovery file holds.
    written_revision: Option<u64>,
    /// Work from sessions that did not finish, offered at start.
    offers: Vec<Recovered>,
    crash_copy: Option<SharedCrashCopy>,
    failed: bool,
}

impl ChartroomApp {
    /// Turns on autosave into `store` and offers back any work left there by
    /// a session that did not finish.
    #[must_use]
    pub fn with_recovery(mut self, store: RecoveryStore) -> Self {
        self.doc.autosave.offers = store.orphans();
        match store.begin_session() {
            Ok(session) => self.doc.autosave.session = Some(session),
            Err(e) => self.complain(format!(
                "Autosave is off: cannot use {}: {e}",
                store.dir().display()
            )),
        }
        self.doc.autosave.store = Some(store);
        self
    }

    /// The folder autosaves go to, when autosave is on.
    pub(super) fn recovery_dir(&self) -> Option<&std::path::Path> {
        self.doc.autosave.store.as_ref().map(RecoveryStore::dir)
    }

    /// The copy of unsaved work a panic hook should write; kept current by
    /// the app.
    pub fn crash_copy(&mut self) -> SharedCrashCopy {
        self.doc
            .autosave
            .crash_copy
            .get_or_insert_with(|| Arc::new(Mutex::new(None)))
            .clone()
    }

    /// Work offered back after a crash, not yet restored or discarded.
    pub fn recovery_offers(&self) -> usize {
        self.doc.autosave.offers.len()
    }

    /// Writes unsaved work about a second after the last edit; removes the
    /// recovery file once the work is saved or discarded.
    pub(super) fn autosave_tick(&mut self, ctx: &egui::Context) {
        let revision = self.doc.editor.revision();
        let Some(session) = &self.doc.autosave.session else {
            return;
        };
        if !self.doc.editor.is_dirty() {
            if self.doc.autosave.written_revision.take().is_some() {
                session.clear();
            }
            self.update_crash_copy(None);
            return;
        }
        if self.doc.autosave.written_revision == Some(revision) {
            return;
        }
        let now = ctx.input(|i| i.time);
        if revision != self.doc.autosave.seen_revision {
            self.doc.autosave.seen_revision = revision;
            self.doc.autosave.changed_at = now;
            let copy = CrashCopy {
                file: session.file(),
                workspace: self.doc.editor.workspace().clone(),
                original: self.doc.path.clone(),
                stamp: self.doc.disk_stamp,
            };
            self.update_crash_copy(Some(copy));
        }
        let wait = AUTOSAVE_DELAY_SECS - (now - self.doc.autosave.changed_at);
        if wait > 0.0 {
            ctx.request_repaint_after(Duration::from_secs_f64(wait));
            return;
        }
        match session.autosave(
            self.doc.editor.workspace(),
            self.doc.path.as_deref(),
            self.doc.disk_stamp,
        ) {
            Ok(_) => {
                self.doc.autosave.written_revision = Some(revision);
                self.doc.autosave.failed = false;
            }
            Err(e) => {
                // Say it once, then keep trying quietly on later edits.
                if !self.doc.autosave.failed {
                    self.complain(format!("Autosave failed: {e}"));
                }
                self.doc.autosave.failed = true;
                self.doc.autosave.written_revision = Some(revision);
            }
        }
    }

    fn update_crash_copy(&self, copy: Option<CrashCopy>) {
        if let Some(shared) = &self.doc.autosave.crash_copy {
            *shared.lock().unwrap_or_else(PoisonError::into_inner) = copy;
        }
    }

    fn restore(&mut self, index: usize) {
        let offer = self.doc.autosave.offers.remove(index);
        let Ok(workspace) = offer.workspace else {
            return;
        };
        self.replace_workspace(workspace, offer.original.clone());
        self.doc.disk_stamp = offer.original_stamp;
        self.doc.editor.mark_dirty();
        // Take the work into this session before letting the old file go.
        if let Some(session) = &self.doc.autosave.session
            && session
                .autosave(
                    self.doc.editor.workspace(),
                    self.doc.path.as_deref(),
                    self.doc.disk_stamp,
                )
                .is_ok()
            && let Some(store) = &self.doc.autosave.store
        {
            store.discard(&offer.file);
            self.doc.autosave.written_revision = Some(self.doc.editor.revision());
        }
        let what = offer.original.as_ref().map_or_else(
            || "an unsaved workspace".to_owned(),
            |p| p.display().to_string(),
        );
        let changed = if offer.original_changed {
            " The file has changed on disk since: saving will ask before overwriting it."
        } else {
            ""
        };
        self.say(format!("Restored unsaved work on {what}.{changed}"));
    }

    fn discard_offer(&mut self, index: usize) {
        let offer = self.doc.autosave.offers.remove(index);
        if let Some(store) = &self.doc.autosave.store {
            store.discard(&offer.file);
        }
    }

    /// The restore offer, shown at start when a session did not finish.
    pub(super) fn recovery_ui(&mut self, ctx: &egui::Context) {
        if self.doc.autosave.offers.is_empty() {
            return;
        }
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let mut action = None;
        egui::Modal::new(egui::Id::NULL.with("recovery")).show(ctx, |ui| {
            ui.heading("Restore unsaved work?");
            ui.label("Chartroom did not close normally last time. It kept this work:");
            for (i, offer) in self.doc.autosave.offers.iter().enumerate() {
                ui.separator();
                let what = offer.original.as_ref().map_or_else(
                    || "An unsaved workspace".to_owned(),
                    |p| p.display().to_string(),
                );
                let minutes = now.saturating_sub(offer.saved_at_unix_secs) / 60;
                ui.label(format!("{what}, written {minutes} min ago"));
                if offer.original_changed {
                    ui.label("The file has changed on disk since.");
                }
                match &offer.workspace {
                    Ok(_) => {
                        ui.horizontal(|ui| {
                            if ui.button("Restore").clicked() {
                                action = Some(OfferAnswer::Restore(i));
                            }
                            if ui.button("Discard").clicked() {
                                action = Some(OfferAnswer::Discard(i));
                            }
                        });
                    }
                    Err(e) => {
                        ui.label(format!("It cannot be opened: {e}"));
                        if ui.button("Discard").clicked() {
                            action = Some(OfferAnswer::Discard(i));
                        }
                    }
                }
            }
            ui.separator();
            if ui.button("Decide later").clicked() {
                action = Some(OfferAnswer::Later);
            }
        });
        match action {
            Some(OfferAnswer::Later) => self.doc.autosave.offers.clear(),
            Some(OfferAnswer::Restore(i)) => self.restore(i),
            Some(OfferAnswer::Discard(i)) => self.discard_offer(i),
            None => {}
        }
    }
}

/// Makes a panic write the latest unsaved work to the recovery folder and
/// say where, before the process ends; the next start offers it back.
pub fn install_panic_hook(copy: SharedCrashCopy) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        previous(info);
        let Ok(guard) = copy.try_lock() else {
            return;
        };
        let Some(copy) = guard.as_ref() else {
            return;
        };
        match write_recovery(
            &copy.file,
            &copy.workspace,
            copy.original.as_deref(),
            copy.stamp,
        ) {
            Ok(()) => eprintln!(
                "Chartroom stopped unexpectedly. Your unsaved work is in {}; \
                 Chartroom offers it back when it starts again.",
                copy.file.display()
            ),
            Err(e) => eprintln!(
                "Chartroom stopped unexpectedly and could not keep your unsaved work: {e}"
            ),
        }
    }));
}

/// The answer to the recovery prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OfferAnswer {
    /// Restore offer `i`.
    Restore(usize),
    /// Throw offer `i` away.
    Discard(usize),
    /// Keep every offer for the next start.
    Later,
}
