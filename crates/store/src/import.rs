//! Member import from .xlsx: validation report, then all-or-valid-rows import.
