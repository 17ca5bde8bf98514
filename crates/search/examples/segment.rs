//! Prints how the index segments each argument, for tuning `src/words.txt`:
//! `cargo run -p search --example segment -- 非遗传承人 老旧小区改造`

fn main() {
    for text in std::env::args().skip(1) {
        println!("{text}: {}", search::segment(&text).join(" / "));
    }
}
