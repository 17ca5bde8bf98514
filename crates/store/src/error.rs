//! The store's one error type.

use domain::FieldErrors;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    /// Input that breaks a rule only the database can check (a unique name).
    #[error("invalid input: {0}")]
    Invalid(FieldErrors),
    #[error("not found")]
    NotFound,
    #[error("cannot decrypt a stored field: {0}")]
    Crypto(String),
    #[error("{0}")]
    Other(String),
    /// The business rules refused the action; the message is for the user.
    #[error("refused: {}", .0.message)]
    Refused(domain::refusal::Refusal),
    /// Someone else changed the record first.
    #[error("conflict: {0}")]
    Conflict(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl StoreError {
    /// Maps a unique-constraint violation on `column` to a field error; other
    /// errors pass through.
    pub fn unique_as_field(self, column: &str, field: &str, message: &str) -> StoreError {
        if let StoreError::Db(sqlx::Error::Database(db)) = &self {
            let text = format!("{} {}", db.message(), db.constraint().unwrap_or_default());
            if db.is_unique_violation() && text.contains(column) {
                return StoreError::Invalid(FieldErrors::single(field, message));
            }
        }
        self
    }
}
