//! Enums whose variants are stable ids in session files and assets.

/// An enum of stable ids: each variant is written as its id (snake_case
/// Dutch, from the instruments brief), in the order given, and gets `ALL`,
/// `id`, `from_id` and `index`.
macro_rules! id_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $variant:ident => $id:literal,)* }) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
        )]
        $vis enum $name {
            $($(#[$vmeta])* #[serde(rename = $id)] $variant,)*
        }

        impl $name {
            /// Every variant, in model order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The stable id, as written in files.
            pub fn id(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)*
                }
            }

            pub fn from_id(id: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|x| x.id() == id)
            }

            /// Position in model order, from 0.
            pub fn index(self) -> usize {
                self as usize
            }
        }
    };
}

pub(crate) use id_enum;

#[cfg(test)]
mod tests {
    id_enum! {
        enum Sample {
            Een => "een",
            TweeDrie => "twee_drie",
        }
    }

    #[test]
    fn ids_round_trip_through_serde_and_from_id() {
        for s in Sample::ALL {
            assert_eq!(serde_json::to_string(s).unwrap(), format!("\"{}\"", s.id()));
            assert_eq!(Sample::from_id(s.id()), Some(*s));
            assert_eq!(Sample::ALL[s.index()], *s);
        }
        assert_eq!(Sample::from_id("Een"), None);
        assert!(serde_json::from_str::<Sample>("\"drie\"").is_err());
    }
}
