use super::*;
use proptest::prelude::*;

const PDF: &[u8] = b"%PDF-1.7\n%\xE2\xE3";

fn limits() -> AttachmentLimits {
    AttachmentLimits::default()
}

#[test]
fn a_pdf_named_pdf_is_accepted() {
    let ok = check_upload("整改报告.PDF", 2048, PDF, 0, &limits()).unwrap();
    assert_eq!(ok.kind, FileKind::Pdf);
    assert_eq!(ok.name, "整改报告.PDF");
}

#[test]
fn a_program_renamed_to_pdf_is_refused() {
    let e = check_upload("答复.pdf", 2048, b"MZ\x90\x00", 0, &limits()).unwrap_err();
    assert!(e.contains("内容与扩展名不符"), "{e}");
}

#[test]
fn web_pages_and_scripts_are_refused_by_name_and_by_content() {
    let e = check_upload("x.html", 20, b"<script>", 0, &limits()).unwrap_err();
    assert!(e.contains("不支持"), "{e}");
    let e = check_upload("x.txt", 20, b"  <html><script>", 0, &limits()).unwrap_err();
    assert!(e.contains("内容与扩展名不符"), "{e}");
}

#[test]
fn office_files_are_told_by_their_containers() {
    assert!(check_upload("a.docx", 9, b"PK\x03\x04rest", 0, &limits()).is_ok());
    assert!(check_upload("a.ofd", 9, b"PK\x03\x04rest", 0, &limits()).is_ok());
    let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0];
    assert!(check_upload("a.doc", 9, &ole, 0, &limits()).is_ok());
    assert!(check_upload("a.docx", 9, &ole, 0, &limits()).is_err());
    assert!(check_upload("a.jpg", 9, &[0xFF, 0xD8, 0xFF, 0xE0], 0, &limits()).is_ok());
}

#[test]
fn size_and_count_limits_are_settings() {
    let small = AttachmentLimits {
        max_bytes: 1000,
        max_files: 2,
    };
    let e = check_upload("a.pdf", 1001, PDF, 0, &small).unwrap_err();
    assert!(e.contains("超过了1000 字节的上限"), "{e}");
    assert!(check_upload("a.pdf", 1000, PDF, 1, &small).is_ok());
    let e = check_upload("a.pdf", 10, PDF, 2, &small).unwrap_err();
    assert!(e.contains("最多2个"), "{e}");
}

#[test]
fn empty_uploads_ask_for_a_file() {
    assert_eq!(
        check_upload("", 0, b"", 0, &limits()).unwrap_err(),
        "请选择要上传的文件"
    );
    assert!(check_upload("a.pdf", 0, b"", 0, &limits()).is_err());
}

#[test]
fn names_lose_folders_and_control_characters() {
    assert_eq!(clean_name("C:\\Users\\张三\\答复.pdf"), "答复.pdf");
    assert_eq!(clean_name("../../etc/passwd"), "passwd");
    assert_eq!(clean_name("a\u{0}b\r\n\"c\".pdf"), "abc.pdf");
    assert_eq!(clean_name(".hidden.pdf"), "hidden.pdf");
}

#[test]
fn sizes_read_naturally() {
    assert_eq!(size_label(512), "512 字节");
    assert_eq!(size_label(3 * 1024 + 200), "3.2 KB");
    assert_eq!(size_label(20 << 20), "20.0 MB");
}

proptest! {
    #[test]
    fn cleaned_names_are_short_flat_and_keep_their_ending(stem in "[^/\\\\]{0,300}", ext in "(pdf|docx|jpg)") {
        let name = clean_name(&format!("dir/{stem}.{ext}"));
        prop_assert!(name.chars().count() <= MAX_NAME_CHARS);
        prop_assert!(!name.contains('/') && !name.contains('\\'));
        prop_assert!(!name.chars().any(char::is_control));
        // The ending survives; only a name that was nothing but dots and
        // spaces before it is left as the bare ending.
        prop_assert!(name.ends_with(&format!(".{ext}")) || name == ext, "{name}");
    }
}
