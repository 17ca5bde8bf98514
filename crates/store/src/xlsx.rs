//! Writing .xlsx files: member lists and the import template.
