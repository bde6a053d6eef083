//! Embedded instrument content: texts in Dutch and English, each marked with
//! whose words they are ([`Origin`]). Every instrument keeps its content in a
//! JSON file under `assets/`, embedded with `include_str!` and parsed once,
//! the first time it is shown, with [`parse_asset`].

pub mod grondvorm;
pub mod relationship;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::domain::Origin;
use crate::i18n::{Lang, Msg};

/// A text shown to people, in both languages, with its origin.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub nl: String,
    pub en: String,
    pub origin: Origin,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }
}

/// A name in both languages (labels of items whose id is the stable key).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Name {
    pub nl: String,
    pub en: String,
}

impl Name {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }
}

/// How an origin is marked next to a text: long in help and exports, short
/// where room is tight.
pub fn origin_label(origin: Origin, lang: Lang, short: bool) -> &'static str {
    let msg = match (origin, short) {
        (Origin::Model, false) => Msg::OriginModel,
        (Origin::Ours, false) => Msg::OriginOurs,
        (Origin::Model, true) => Msg::OriginModelShort,
        (Origin::Ours, true) => Msg::OriginOursShort,
    };
    msg.get(lang)
}

/// Parse an embedded asset. The test suite parses every asset, so a failure
/// here is a build defect; the message names the asset.
pub fn parse_asset<T: DeserializeOwned>(name: &str, json: &str) -> T {
    match serde_json::from_str(json) {
        Ok(v) => v,
        Err(e) => panic!("embedded asset {name} is invalid: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_pick_their_language_and_carry_their_origin() {
        let t: Text = parse_asset("t", r#"{"nl":"hallo","en":"hello","origin":"ours"}"#);
        assert_eq!(t.get(Lang::Nl), "hallo");
        assert_eq!(t.get(Lang::En), "hello");
        assert_eq!(t.origin, Origin::Ours);
        assert_eq!(origin_label(Origin::Ours, Lang::En, false), "kompas's own guidance");
        assert_eq!(origin_label(Origin::Model, Lang::Nl, true), "model");
    }

    #[test]
    #[should_panic(expected = "embedded asset broken.json is invalid")]
    fn a_broken_asset_names_itself() {
        let _: Text = parse_asset("broken.json", r#"{"nl":"x"}"#);
    }
}
