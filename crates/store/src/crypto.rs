//! Personal data at rest: SM4-GCM (国密) for phone and ID numbers, with the
//! key from configuration, never from the database. A keyed SM3 digest lets
//! the store find duplicates without decrypting.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{AesGcm, Nonce};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sm3::{Digest, Sm3};
use sm4::Sm4;

use crate::error::{Result, StoreError};

/// GCM is generic over any 128-bit block cipher; with SM4 it is SM4-GCM (RFC 8998).
type Sm4Gcm = AesGcm<Sm4, aes_gcm::aead::consts::U12>;

#[derive(Clone)]
pub struct FieldCipher {
    cipher: Sm4Gcm,
    digest_key: [u8; 32],
}

impl std::fmt::Debug for FieldCipher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FieldCipher(SM4-GCM, key redacted)")
    }
}

impl FieldCipher {
    /// `hex_key` is 32 hex digits (128 bits).
    pub fn from_hex(hex_key: &str) -> std::result::Result<FieldCipher, String> {
        let key = hex::decode(hex_key.trim()).map_err(|_| "应为32位十六进制数".to_string())?;
        if key.len() != 16 {
            return Err("应为32位十六进制数（128位密钥）".into());
        }
        let cipher = Sm4Gcm::new_from_slice(&key).map_err(|_| "密钥长度不正确".to_string())?;
        let mut digest_key = [0u8; 32];
        let mut h = Sm3::new();
        h.update(b"zhengxie field digest");
        h.update(&key);
        digest_key.copy_from_slice(&h.finalize());
        Ok(FieldCipher { cipher, digest_key })
    }

    /// `hex(nonce ‖ ciphertext ‖ tag)`.
    pub fn encrypt(&self, plain: &str) -> Result<String> {
        Ok(hex::encode(self.seal(plain.as_bytes())?))
    }

    pub fn decrypt(&self, stored: &str) -> Result<String> {
        let bytes = hex::decode(stored).map_err(|_| StoreError::Crypto("密文格式错误".into()))?;
        let plain = self.open(&bytes)?;
        String::from_utf8(plain).map_err(|_| StoreError::Crypto("解密结果不是文本".into()))
    }

    /// `nonce ‖ ciphertext ‖ tag` of any bytes (a stored file).
    pub fn seal(&self, plain: &[u8]) -> Result<Vec<u8>> {
        let mut nonce = [0u8; 12];
        rand::thread_rng().fill_bytes(&mut nonce);
        let sealed = self
            .cipher
            .encrypt(Nonce::from_slice(&nonce), plain)
            .map_err(|_| StoreError::Crypto("加密失败".into()))?;
        let mut out = Vec::with_capacity(12 + sealed.len());
        out.extend_from_slice(&nonce);
        out.extend(sealed);
        Ok(out)
    }

    /// The bytes `seal` sealed; an error if the key differs or they changed.
    pub fn open(&self, sealed: &[u8]) -> Result<Vec<u8>> {
        if sealed.len() < 12 + 16 {
            return Err(StoreError::Crypto("密文过短".into()));
        }
        let (nonce, body) = sealed.split_at(12);
        self.cipher
            .decrypt(Nonce::from_slice(nonce), body)
            .map_err(|_| StoreError::Crypto("解密失败：密钥不符或数据被篡改".into()))
    }

    /// A keyed digest (HMAC-SM3) for equality lookups.
    pub fn digest(&self, plain: &str) -> String {
        let mut mac = <Hmac<Sm3> as Mac>::new_from_slice(&self.digest_key)
            .unwrap_or_else(|_| unreachable_hmac());
        mac.update(plain.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }
}

/// HMAC accepts keys of any length, so construction cannot fail.
fn unreachable_hmac() -> Hmac<Sm3> {
    #[allow(clippy::expect_used)]
    <Hmac<Sm3> as Mac>::new_from_slice(&[0u8; 32]).expect("HMAC takes any key length")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_detects_tampering() {
        let c = FieldCipher::from_hex("0123456789abcdeffedcba9876543210").unwrap();
        let sealed = c.encrypt("13812345678").unwrap();
        assert!(!sealed.contains("13812345678"));
        assert_eq!(c.decrypt(&sealed).unwrap(), "13812345678");
        let mut tampered = sealed.into_bytes();
        let last = tampered.len() - 1;
        tampered[last] = if tampered[last] == b'0' { b'1' } else { b'0' };
        assert!(c.decrypt(&String::from_utf8(tampered).unwrap()).is_err());
        let other = FieldCipher::from_hex("00000000000000000000000000000000").unwrap();
        assert!(other.decrypt(&c.encrypt("x").unwrap()).is_err());
    }

    #[test]
    fn rejects_bad_keys_and_digests_are_stable() {
        assert!(FieldCipher::from_hex("abc").is_err());
        let c = FieldCipher::from_hex("0123456789abcdeffedcba9876543210").unwrap();
        assert_eq!(c.digest("a"), c.digest("a"));
        assert_ne!(c.digest("a"), c.digest("b"));
    }
}
