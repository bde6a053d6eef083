//! A pane's form: builder and reader tied together (see the guide in
//! `panes/mod.rs`), and the const builder the panes' `static`s use.

use crate::app::{AppState, Effect};
use crate::domain::{Session, Timestamp};
use crate::i18n::{Lang, Msg};

/// A form of a pane: its builder and its reader, side by side in the pane's
/// `forms.rs`. Its purpose is `Purpose::Pane { form: id, id: item }`, which
/// the draft journal keeps, so a form is found again by its `id`.
pub struct PaneForm {
    /// Unique among all panes' forms: "pane.form".
    pub id: &'static str,
    pub title_new: Msg,
    pub title_edit: Msg,
    /// The form for item `id` (`None`: a new one), as its key opens it.
    pub build: fn(&Session, Option<&str>) -> crate::app::Form,
    /// Whether item `id` still exists (else a recovered draft makes a new one).
    pub exists: fn(&Session, &str) -> bool,
    /// Read the complete form into the session (through `app::commit`), or
    /// put it back with `Form::refuse` naming the field that is wrong.
    pub submit: fn(&mut AppState, crate::app::Form, Option<String>, Timestamp) -> Vec<Effect>,
    /// Lines shown above the fields, saying what the form is about (the
    /// question being answered, the guidance for a choice); [`no_context`]
    /// for none.
    pub context: fn(&Session, Option<&str>, Lang) -> Vec<String>,
}

impl PaneForm {
    /// A form with one title, for the session as a whole or for items that
    /// are always there, with nothing said above its fields; the methods
    /// below change that. For a `static`: `PaneForm::new(…).context(…)`.
    pub const fn new(
        id: &'static str,
        title: Msg,
        build: fn(&Session, Option<&str>) -> crate::app::Form,
        submit: fn(&mut AppState, crate::app::Form, Option<String>, Timestamp) -> Vec<Effect>,
    ) -> PaneForm {
        PaneForm {
            id,
            title_new: title,
            title_edit: title,
            build,
            exists: |_, _| true,
            submit,
            context: no_context,
        }
    }

    /// Another title when the form edits an existing item.
    pub const fn edit_title(self, title_edit: Msg) -> PaneForm {
        PaneForm { title_edit, ..self }
    }

    /// Whether the item a recovered draft was for still exists.
    pub const fn exists_when(self, exists: fn(&Session, &str) -> bool) -> PaneForm {
        PaneForm { exists, ..self }
    }

    /// The lines shown above the fields.
    pub const fn context(self, context: fn(&Session, Option<&str>, Lang) -> Vec<String>) -> PaneForm {
        PaneForm { context, ..self }
    }
}

/// A pane form with nothing to say above its fields.
pub fn no_context(_: &Session, _: Option<&str>, _: Lang) -> Vec<String> {
    Vec::new()
}
