//! Attachments: which files may be attached to a record, and what a file's
//! name may be. A file is accepted only when its name says it is one of the
//! kinds government offices exchange (documents, spreadsheets, PDF/OFD,
//! photos) AND its first bytes say the same, so a renamed program or web
//! page is refused. Sizes are settings (see `AttachmentLimits`).

use serde::{Deserialize, Serialize};

/// The kinds of file that may be attached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    /// 版式文档 (GB/T 33190), a zip container.
    Ofd,
    Doc,
    Docx,
    Xls,
    Xlsx,
    Wps,
    Jpeg,
    Png,
    Text,
}

impl FileKind {
    pub const ALL: [FileKind; 10] = [
        FileKind::Pdf,
        FileKind::Ofd,
        FileKind::Doc,
        FileKind::Docx,
        FileKind::Xls,
        FileKind::Xlsx,
        FileKind::Wps,
        FileKind::Jpeg,
        FileKind::Png,
        FileKind::Text,
    ];

    /// The name endings of this kind (lower case, no dot).
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FileKind::Pdf => &["pdf"],
            FileKind::Ofd => &["ofd"],
            FileKind::Doc => &["doc"],
            FileKind::Docx => &["docx"],
            FileKind::Xls => &["xls"],
            FileKind::Xlsx => &["xlsx"],
            FileKind::Wps => &["wps", "et"],
            FileKind::Jpeg => &["jpg", "jpeg"],
            FileKind::Png => &["png"],
            FileKind::Text => &["txt"],
        }
    }

    /// The content type a download is served with.
    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Ofd => "application/ofd",
            FileKind::Doc | FileKind::Wps => "application/msword",
            FileKind::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            FileKind::Xls => "application/vnd.ms-excel",
            FileKind::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
            FileKind::Text => "text/plain; charset=utf-8",
        }
    }

    pub fn code(self) -> &'static str {
        self.extensions()[0]
    }

    pub fn from_code(code: &str) -> Option<FileKind> {
        FileKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The kind a file name claims, by its ending.
    pub fn of_name(name: &str) -> Option<FileKind> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        FileKind::ALL
            .into_iter()
            .find(|k| k.extensions().contains(&ext.as_str()))
    }

    /// Whether the file's first bytes are this kind's signature.
    fn matches(self, head: &[u8]) -> bool {
        const ZIP: &[u8] = b"PK\x03\x04";
        const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        match self {
            FileKind::Pdf => head.starts_with(b"%PDF-"),
            FileKind::Ofd | FileKind::Docx | FileKind::Xlsx => head.starts_with(ZIP),
            FileKind::Doc | FileKind::Xls | FileKind::Wps => head.starts_with(OLE),
            FileKind::Jpeg => head.starts_with(&[0xFF, 0xD8, 0xFF]),
            FileKind::Png => head.starts_with(b"\x89PNG\r\n\x1a\n"),
            FileKind::Text => plain_text(head),
        }
    }
}

/// UTF-8 (or GB18030-looking) text without NUL bytes or markup at the start.
fn plain_text(head: &[u8]) -> bool {
    let trimmed = head.trim_ascii_start();
    !head.contains(&0) && !trimmed.starts_with(b"<")
}

/// How many files and how large; per-server settings with these defaults.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentLimits {
    /// The largest file, in bytes.
    pub max_bytes: u64,
    /// The most files on one answer or piece of evidence.
    pub max_files: usize,
}

impl Default for AttachmentLimits {
    fn default() -> Self {
        AttachmentLimits {
            max_bytes: 20 << 20,
            max_files: 20,
        }
    }
}

/// The longest file name kept, in characters.
pub const MAX_NAME_CHARS: usize = 120;

/// The name as shown and offered on download: no folders, no control
/// characters, trimmed, at most `MAX_NAME_CHARS` (the ending is kept).
pub fn clean_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | '|' | '*' | '?' | ':'))
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_string();
    if cleaned.chars().count() <= MAX_NAME_CHARS {
        return cleaned;
    }
    let (stem, ext) = cleaned.rsplit_once('.').unwrap_or((&cleaned, ""));
    let keep = MAX_NAME_CHARS.saturating_sub(ext.chars().count() + 1);
    let stem: String = stem.chars().take(keep).collect();
    format!("{stem}.{ext}")
}

/// An upload checked and accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accepted {
    pub name: String,
    pub kind: FileKind,
}

/// The list of accepted endings, for messages and the form's `accept`.
pub fn accepted_endings() -> String {
    FileKind::ALL
        .iter()
        .flat_map(|k| k.extensions().iter())
        .map(|e| format!(".{e}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// Checks one upload: a name, a kind by name and by content, a size within
/// the limit, and room for one more on the record (`already` files there).
pub fn check_upload(
    raw_name: &str,
    size: u64,
    head: &[u8],
    already: usize,
    limits: &AttachmentLimits,
) -> Result<Accepted, String> {
    let name = clean_name(raw_name);
    if name.is_empty() || size == 0 {
        return Err("请选择要上传的文件".into());
    }
    if already >= limits.max_files {
        return Err(format!(
            "附件已有{already}个，最多{}个；请先删除不需要的附件",
            limits.max_files
        ));
    }
    if size > limits.max_bytes {
        return Err(format!(
            "文件“{name}”有{}，超过了{}的上限",
            size_label(size),
            size_label(limits.max_bytes)
        ));
    }
    let Some(kind) = FileKind::of_name(&name) else {
        return Err(format!(
            "不支持文件“{name}”的类型；可上传 PDF、OFD、Word、WPS、Excel、JPG、PNG 或 TXT 文件"
        ));
    };
    if !kind.matches(head) {
        return Err(format!(
            "文件“{name}”的内容与扩展名不符，请确认它确实是 {} 文件",
            kind.code().to_uppercase()
        ));
    }
    Ok(Accepted { name, kind })
}

/// A size for people: 512 字节, 3.2 KB, 20 MB.
pub fn size_label(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    if bytes < KB {
        format!("{bytes} 字节")
    } else if bytes < MB {
        format!("{:.1} KB", bytes as f64 / KB as f64)
    } else {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    }
}

#[cfg(test)]
mod tests;
