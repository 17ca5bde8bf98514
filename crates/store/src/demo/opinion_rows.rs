//! The 社情民意 demo's rows, gathered per table and written with multi-row
//! inserts (see `bulk`).

use super::bulk::{flush_all, Batch};
use crate::db::Db;
use crate::error::Result;

pub(super) struct Writer {
    pub(super) opinions: Batch,
    pub(super) history: Batch,
    pub(super) upward: Batch,
    pub(super) links: Batch,
    pub(super) instructions: Batch,
    pub(super) bulletins: Batch,
    pub(super) pieces: Batch,
    pub(super) sources: Batch,
}

impl Writer {
    pub(super) fn new() -> Writer {
        Writer {
            opinions: Batch::new(
                "opinions",
                &[
                    "id",
                    "org_id",
                    "year",
                    "stage",
                    "title",
                    "category",
                    "author_user_id",
                    "author_member_id",
                    "author_name",
                    "version",
                    "aggregate",
                    "submitted_at",
                    "created_at",
                    "updated_at",
                ],
                200,
            ),
            history: Batch::new(
                "opinion_history",
                &[
                    "id",
                    "opinion_id",
                    "at",
                    "actor_user_id",
                    "actor_login",
                    "action",
                    "from_stage",
                    "to_stage",
                    "comment",
                ],
                500,
            ),
            upward: Batch::new(
                "opinion_upward",
                &[
                    "opinion_id",
                    "to_org_id",
                    "to_opinion_id",
                    "to_name",
                    "reported_on",
                    "reported_at",
                    "actor_login",
                    "outcome",
                    "outcome_on",
                    "outcome_note",
                    "created_at",
                    "updated_at",
                ],
                500,
            ),
            links: Batch::new(
                "item_links",
                &[
                    "from_kind",
                    "from_id",
                    "to_kind",
                    "to_id",
                    "relation",
                    "at",
                    "created_at",
                    "updated_at",
                ],
                500,
            ),
            instructions: Batch::new(
                "opinion_instructions",
                &[
                    "opinion_id",
                    "org_id",
                    "leader",
                    "level",
                    "text",
                    "given_on",
                    "year",
                    "actor_login",
                    "created_at",
                    "updated_at",
                ],
                500,
            ),
            bulletins: Batch::new(
                "opinion_bulletins",
                &[
                    "id",
                    "org_id",
                    "year",
                    "number",
                    "title",
                    "stage",
                    "issued_at",
                    "actor_login",
                    "created_at",
                    "updated_at",
                ],
                500,
            ),
            pieces: Batch::new(
                "opinion_bulletin_pieces",
                &[
                    "id",
                    "bulletin_id",
                    "seq",
                    "combined",
                    "title",
                    "created_at",
                    "updated_at",
                ],
                500,
            ),
            sources: Batch::new(
                "opinion_bulletin_sources",
                &[
                    "piece_id",
                    "bulletin_id",
                    "opinion_id",
                    "created_at",
                    "updated_at",
                ],
                500,
            ),
        }
    }

    pub(super) async fn flush(&mut self, db: &Db) -> Result<()> {
        flush_all(
            db,
            &mut [
                &mut self.opinions,
                &mut self.history,
                &mut self.upward,
                &mut self.links,
                &mut self.instructions,
                &mut self.bulletins,
                &mut self.pieces,
                &mut self.sources,
            ],
        )
        .await
    }
}
