//! kompas: a facilitator's terminal companion for the Kompas collaboration model.

pub mod domain;
pub mod storage;
