//! Whose words a text is. The Kompas sources state some things (the model's
//! structure, names, levels); everything else kompas shows is our own
//! guidance, and the program and its exports say which is which.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// The sources state it; our text paraphrases it.
    Model,
    /// Our own guidance: the sources give a name only, or nothing at all.
    Ours,
}
