//! The four kinds of structure list, each with its typed body and its own
//! documented routes over the shared handlers.

use super::*;

/// One kind's body, documented routes and handlers. Paths are literals
/// because `#[utoipa::path]` and the router both want them written out.
macro_rules! catalog_kind {
    (
        $module:ident, $kind:expr, $tag:tt, $body:ident,
        $list:tt, $one:tt, $deactivate:tt, $activate:tt,
        { $( $(#[$doc:meta])* $field:ident : $ty:ident ),* $(,)? }
    ) => {
        pub mod $module {
            use super::*;

            #[doc = concat!("新增或修改", $tag, "。PATCH 中省略或为 null 的字段保持不变。")]
            #[derive(Debug, Default, Deserialize, ToSchema)]
            #[serde(deny_unknown_fields)]
            pub struct $body {
                /// 所属政协 id；新增时省略则为令牌所属政协，修改时不能变更
                #[schema(value_type = Option<i64>)]
                pub org_id: Option<Raw>,
                /// 名称
                #[schema(value_type = Option<String>)]
                pub name: Option<Raw>,
                $( $(#[$doc])* #[schema(value_type = Option<$ty>)] pub $field: Option<Raw>, )*
            }

            impl CatalogBody for $body {
                const KIND: CatalogKind = $kind;
                fn org_id(&self) -> Option<&Raw> {
                    self.org_id.as_ref()
                }
                fn given(self) -> Vec<(&'static str, Option<Raw>)> {
                    vec![("name", self.name) $(, (stringify!($field), self.$field))*]
                }
            }

            pub fn routes() -> Router<AppState> {
                Router::new()
                    .route($list, get(list).post(create))
                    .route($one, get(read).put(replace).patch(patch))
                    .route($deactivate, post(deactivate))
                    .route($activate, post(activate))
            }

            #[derive(OpenApi)]
            #[openapi(paths(list, read, create, replace, patch, deactivate, activate))]
            pub struct Doc;

            #[doc = concat!($tag, "列表")]
            #[utoipa::path(get, path = $list, tag = $tag, params(CatalogQuery),
                responses((status = 200, description = "一页", body = ListPage<CatalogOut>)))]
            pub async fn list(State(state): State<AppState>, caller: Caller, ApiQuery(q): ApiQuery<CatalogQuery>) -> ApiResult<Json<ListPage<CatalogOut>>> {
                super::list(state, caller, $kind, q).await
            }

            #[doc = concat!("查看", $tag)]
            #[utoipa::path(get, path = $one, tag = $tag, params(("id" = i64, Path)),
                responses((status = 200, description = "一项", body = CatalogOut)))]
            pub async fn read(State(state): State<AppState>, caller: Caller, Id(id): Id) -> ApiResult<Json<CatalogOut>> {
                super::read(state, caller, $kind, id).await
            }

            #[doc = concat!("新增", $tag)]
            #[utoipa::path(post, path = $list, tag = $tag, request_body = $body,
                responses((status = 201, description = "已新增", body = CatalogOut)))]
            pub async fn create(State(state): State<AppState>, caller: Caller, Json(body): Json<$body>) -> ApiResult<Response> {
                super::create(state, caller, body).await
            }

            #[doc = concat!("修改", $tag, "（提交全部可编辑字段）")]
            #[utoipa::path(put, path = $one, tag = $tag, request_body = $body, params(("id" = i64, Path)),
                responses((status = 200, description = "已修改", body = CatalogOut)))]
            pub async fn replace(State(state): State<AppState>, caller: Caller, Id(id): Id, Json(body): Json<$body>) -> ApiResult<Json<CatalogOut>> {
                super::update(state, caller, id, body, false).await
            }

            #[doc = concat!("修改", $tag, "（只提交要改的字段）")]
            #[utoipa::path(patch, path = $one, tag = $tag, request_body = $body, params(("id" = i64, Path)),
                responses((status = 200, description = "已修改", body = CatalogOut)))]
            pub async fn patch(State(state): State<AppState>, caller: Caller, Id(id): Id, Json(body): Json<$body>) -> ApiResult<Json<CatalogOut>> {
                super::update(state, caller, id, body, true).await
            }

            #[doc = concat!("停用", $tag, "（从不删除）")]
            #[utoipa::path(post, path = $deactivate, tag = $tag, params(("id" = i64, Path)),
                responses((status = 200, description = "已停用", body = CatalogOut)))]
            pub async fn deactivate(State(state): State<AppState>, caller: Caller, Id(id): Id) -> ApiResult<Json<CatalogOut>> {
                super::set_active(state, caller, $kind, id, false).await
            }

            #[doc = concat!("恢复已停用的", $tag)]
            #[utoipa::path(post, path = $activate, tag = $tag, params(("id" = i64, Path)),
                responses((status = 200, description = "已恢复", body = CatalogOut)))]
            pub async fn activate(State(state): State<AppState>, caller: Caller, Id(id): Id) -> ApiResult<Json<CatalogOut>> {
                super::set_active(state, caller, $kind, id, true).await
            }
        }
    };
}

catalog_kind!(sectors, CatalogKind::Sector, "界别", SectorBody,
    "/sectors", "/sectors/{id}", "/sectors/{id}/deactivate", "/sectors/{id}/activate", {
    /// 召集人
    convenor: String,
    /// 排序号，0 到 9999
    sort: i64,
});

catalog_kind!(committees, CatalogKind::Committee, "专门委员会", CommitteeBody,
    "/committees", "/committees/{id}", "/committees/{id}/deactivate", "/committees/{id}/activate", {
    /// 职责简介
    description: String,
    /// 排序号，0 到 9999
    sort: i64,
});

catalog_kind!(terms, CatalogKind::Term, "届次", TermBody,
    "/terms", "/terms/{id}", "/terms/{id}/deactivate", "/terms/{id}/activate", {
    /// 届数，1 到 99
    number: i64,
    /// 起始年份
    start_year: i64,
    /// 截止年份
    end_year: i64,
    /// 是否本届
    is_current: bool,
});

catalog_kind!(units, CatalogKind::Unit, "承办单位", UnitBody,
    "/units", "/units/{id}", "/units/{id}/deactivate", "/units/{id}/activate", {
    /// 单位类别，如“政府部门”
    kind: String,
    /// 联系人
    contact_person: String,
    /// 联系电话
    contact_phone: String,
});

catalog_kind!(categories, CatalogKind::Category, "提案类别", CategoryBody,
    "/categories", "/categories/{id}", "/categories/{id}/deactivate", "/categories/{id}/activate", {
    /// 排序号，0 到 9999
    sort: i64,
});

#[cfg(test)]
mod tests {
    use super::*;

    fn names<B: CatalogBody + Default>() -> Vec<&'static str> {
        B::default()
            .given()
            .into_iter()
            .map(|(name, _)| name)
            .collect()
    }

    #[test]
    fn each_body_has_exactly_its_kinds_fields() {
        for (kind, given) in [
            (CatalogKind::Sector, names::<sectors::SectorBody>()),
            (CatalogKind::Committee, names::<committees::CommitteeBody>()),
            (CatalogKind::Term, names::<terms::TermBody>()),
            (CatalogKind::Unit, names::<units::UnitBody>()),
            (CatalogKind::Category, names::<categories::CategoryBody>()),
        ] {
            let expected: Vec<&str> = std::iter::once("name")
                .chain(kind.fields().iter().map(|f| f.name))
                .collect();
            assert_eq!(given, expected, "{kind:?}");
        }
    }
}
