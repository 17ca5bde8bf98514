//! Zhengxie's web layer: the router, sessions, pages and the JSON API.
//! Handlers are thin: they parse input, ask `domain::permission`, call one
//! `store` function and render a template.

pub mod accounts;
pub mod api;
pub mod app;
pub mod audit_log;
pub mod auth;
pub mod config;
mod deadline_warning;
mod directory;
pub mod error;
mod exports;
mod failed_step;
pub mod files;
pub mod home;
pub mod jobs;
pub mod letters;
pub mod me;
pub mod members;
pub mod messages;
pub mod opinions;
pub mod outbox;
pub mod proposals;
pub mod search;
pub mod security;
pub mod settings;
pub mod shell;
pub mod state;
pub mod stations;
pub mod structure;
pub mod supervision;
mod upload;
mod view;

pub use app::App;
pub use config::Config;
pub use state::AppState;
