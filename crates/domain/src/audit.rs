//! The audit chain: each entry's hash covers its content and the hash of the
//! entry before it (SM3), so an edited or removed row breaks the chain.

use serde::Serialize;
use sm3::{Digest, Sm3};

/// The hash before the first entry.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What each recorded action is called on screen. Unknown codes show as they are.
pub fn action_label(code: &str) -> &str {
    match code {
        "login" => "登录",
        "logout" => "退出或会话结束",
        "login.failed" => "登录失败",
        "account.locked" => "账号锁定",
        "account.create" => "创建账号",
        "account.update" => "修改账号",
        "account.change_password" => "修改本人密码",
        "account.reset_password" => "重置密码",
        "account.unlock" => "解锁账号",
        "account.disable" => "停用账号",
        "account.enable" => "启用账号",
        "account.elder_mode" => "切换适老化模式",
        "permission.role" => "变更角色",
        "permission.policy" => "修改安全策略",
        "permission.token_issue" => "签发接口令牌",
        "permission.token_revoke" => "吊销接口令牌",
        "member.create" => "新增委员",
        "member.update" => "修改委员",
        "member.activate" => "恢复委员",
        "member.deactivate" => "停用委员",
        "member.contact" => "委员修改联系方式",
        "member.view_personal" => "查看个人信息明文",
        "member.import" => "导入委员",
        "export" => "导出",
        "org.create" => "新增组织",
        "org.update" => "修改组织",
        "catalog.create" => "新增界别/专委会/届次/承办单位",
        "catalog.update" => "修改界别/专委会/届次/承办单位",
        "demo.load" => "载入演示数据",
        other => other,
    }
}

/// The fields of an audit entry that the chain protects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditContent {
    pub id: i64,
    pub at: i64,
    pub actor_user_id: Option<i64>,
    pub actor_login: String,
    pub ip: String,
    pub action: String,
    pub target_type: String,
    pub target_id: String,
    pub summary: String,
    pub before: String,
    pub after: String,
}

/// `SM3(prev_hash ‖ canonical content)`, hex-encoded. Each field is length-prefixed
/// so that moving text between fields changes the hash.
pub fn chain_hash(prev_hash: &str, c: &AuditContent) -> String {
    let mut hasher = Sm3::new();
    hasher.update(prev_hash.as_bytes());
    let numbers = [
        c.id.to_string(),
        c.at.to_string(),
        c.actor_user_id.map(|v| v.to_string()).unwrap_or_default(),
    ];
    let texts = [
        &c.actor_login,
        &c.ip,
        &c.action,
        &c.target_type,
        &c.target_id,
        &c.summary,
        &c.before,
        &c.after,
    ];
    for field in numbers.iter().chain(texts) {
        hasher.update((field.len() as u64).to_be_bytes());
        hasher.update(field.as_bytes());
    }
    hex::encode(hasher.finalize())
}

/// A stored entry: its content and the hashes it was stored with.
#[derive(Debug, Clone)]
pub struct StoredEntry {
    pub content: AuditContent,
    pub prev_hash: String,
    pub hash: String,
}

/// What is wrong with the chain at one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainBreak {
    /// The row's content no longer matches its hash: it was edited.
    Edited { id: i64 },
    /// The row does not follow the one before it: rows were removed or reordered.
    Gap { id: i64, after_id: Option<i64> },
}

impl std::fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChainBreak::Edited { id } => write!(f, "第 {id} 条记录的内容被修改"),
            ChainBreak::Gap {
                id,
                after_id: Some(prev),
            } => {
                write!(f, "第 {prev} 条与第 {id} 条之间的记录被删除或调换")
            }
            ChainBreak::Gap { id, after_id: None } => write!(f, "第 {id} 条之前的记录被删除"),
        }
    }
}

/// Walks entries in id order, carrying the previous hash from one call to the
/// next so that a long log can be verified page by page.
#[derive(Debug, Clone)]
pub struct ChainVerifier {
    prev_hash: String,
    prev_id: Option<i64>,
    pub checked: u64,
    pub breaks: Vec<ChainBreak>,
}

impl Default for ChainVerifier {
    fn default() -> Self {
        ChainVerifier {
            prev_hash: GENESIS_HASH.to_string(),
            prev_id: None,
            checked: 0,
            breaks: Vec::new(),
        }
    }
}

impl ChainVerifier {
    pub fn feed(&mut self, entry: &StoredEntry) {
        self.checked += 1;
        if entry.prev_hash != self.prev_hash {
            self.breaks.push(ChainBreak::Gap {
                id: entry.content.id,
                after_id: self.prev_id,
            });
        }
        if chain_hash(&entry.prev_hash, &entry.content) != entry.hash {
            self.breaks.push(ChainBreak::Edited {
                id: entry.content.id,
            });
        }
        self.prev_hash = entry.hash.clone();
        self.prev_id = Some(entry.content.id);
    }

    /// Checks the end of the chain against the recorded head, which catches
    /// removal of the newest rows.
    pub fn finish(mut self, head: Option<(i64, &str)>) -> Self {
        if let Some((head_id, head_hash)) = head {
            if self.prev_hash != head_hash {
                self.breaks.push(ChainBreak::Gap {
                    id: head_id,
                    after_id: self.prev_id,
                });
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<StoredEntry> {
        let mut prev = GENESIS_HASH.to_string();
        (1..=n)
            .map(|id| {
                let content = AuditContent {
                    id,
                    at: 1000 + id,
                    actor_user_id: Some(1),
                    actor_login: "admin".into(),
                    ip: "127.0.0.1".into(),
                    action: "login".into(),
                    target_type: "user".into(),
                    target_id: "1".into(),
                    summary: format!("登录 {id}"),
                    before: String::new(),
                    after: String::new(),
                };
                let hash = chain_hash(&prev, &content);
                let entry = StoredEntry {
                    content,
                    prev_hash: prev.clone(),
                    hash: hash.clone(),
                };
                prev = hash;
                entry
            })
            .collect()
    }

    fn verify(entries: &[StoredEntry]) -> Vec<ChainBreak> {
        let mut v = ChainVerifier::default();
        entries.iter().for_each(|e| v.feed(e));
        v.breaks
    }

    #[test]
    fn an_intact_chain_verifies() {
        assert!(verify(&chain(5)).is_empty());
    }

    #[test]
    fn an_edited_row_is_named() {
        let mut entries = chain(5);
        entries[2].content.summary = "改过".into();
        assert_eq!(verify(&entries), vec![ChainBreak::Edited { id: 3 }]);
    }

    #[test]
    fn a_removed_row_is_named() {
        let mut entries = chain(5);
        entries.remove(2);
        assert_eq!(
            verify(&entries),
            vec![ChainBreak::Gap {
                id: 4,
                after_id: Some(2)
            }]
        );
    }

    #[test]
    fn removing_the_newest_rows_is_caught_by_the_head() {
        let entries = chain(5);
        let head = (5, entries[4].hash.as_str());
        let mut v = ChainVerifier::default();
        entries[..3].iter().for_each(|e| v.feed(e));
        let v = v.finish(Some(head));
        assert_eq!(
            v.breaks,
            vec![ChainBreak::Gap {
                id: 5,
                after_id: Some(3)
            }]
        );
    }
}
