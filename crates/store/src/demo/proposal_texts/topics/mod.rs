//! The topic templates, kept in parts so that no file grows past what one
//! reader holds in mind.

use super::Topic;

mod part1;
mod part2;
mod part3;
mod part4;
mod part5;
mod part6;
mod part7;

/// Every part, in order; a topic's number is its place across all parts.
pub(super) const PARTS: [&[Topic]; 7] = [
    part1::TOPICS,
    part2::TOPICS,
    part3::TOPICS,
    part4::TOPICS,
    part5::TOPICS,
    part6::TOPICS,
    part7::TOPICS,
];
