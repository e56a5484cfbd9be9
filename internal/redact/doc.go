// Package redact removes credentials from URLs and from text that embeds
// URLs (error messages, log lines), and gives the stable hash that stands for
// a URL's identity where only its redacted form may be stored.
//
// What counts as a credential: the userinfo of a URL ("user:token@") and the
// values of query parameters whose name says secret (apikey, api_key, key,
// token, access_token, secret, password, passwd, pwd, auth, sig, signature,
// credential, session, and names ending in such words, such as
// X-Amz-Signature or client_secret). A URL without credentials is returned
// byte for byte, so redaction never changes what is not a secret.
//
// redact imports nothing of geokg.
package redact
