package io.gwctl.validate.analysis.gateway;

/**
 * Throwaway TLS material for tests, made with openssl for this purpose only: a self-signed P-256
 * certificate for {@code example.com} valid from 2026-11-22 to 2126-10-29, its key as SEC 1 and as
 * PKCS#8, and an unrelated 1024-bit RSA key in PKCS#1.
 */
final class TestCredentials {

    static final String CERT = """
            -----BEGIN CERTIFICATE-----
            MIIBgjCCASmgAwIBAgIUJSF5PVKI2igIhhxWyFNFzo0wqRgwCgYIKoZIzj0EAwIw
            FjEUMBIGA1UEAwwLZXhhbXBsZS5jb20wIBcNMjYxMTIyMDE0ODIyWhgPMjEyNjEw
            MjkwMTQ4MjJaMBYxFDASBgNVBAMMC2V4YW1wbGUuY29tMFkwEwYHKoZIzj0CAQYI
            KoZIzj0DAQcDQgAETt9DED3ixiiVPRFsz4g2kYXwDbaqL11sN2ThiHprSDs/8ctS
            vpbez/wEj4s2GPgAvyjTgLxOzj+KeI4bowZPpaNTMFEwHQYDVR0OBBYEFNoC7y9t
            +md9fbrGW5kGiYdIp/EIMB8GA1UdIwQYMBaAFNoC7y9t+md9fbrGW5kGiYdIp/EI
            MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDRwAwRAIgWTK+qzF7WpIb70e0
            NUJ/L5wq5OpjoxhGaIyOWp9JyD8CIClpU1msfqFAEDUIgSXMAWn4f5tUw6437EvP
            x6K8mcdG
            -----END CERTIFICATE-----
            """;

    static final String EC_KEY = """
            -----BEGIN EC PRIVATE KEY-----
            MHcCAQEEIDj3beYieVdzIIvjCFMnXOVLp9IlsMZHz50QBgJmssJ7oAoGCCqGSM49
            AwEHoUQDQgAETt9DED3ixiiVPRFsz4g2kYXwDbaqL11sN2ThiHprSDs/8ctSvpbe
            z/wEj4s2GPgAvyjTgLxOzj+KeI4bowZPpQ==
            -----END EC PRIVATE KEY-----
            """;

    static final String PKCS8_KEY = """
            -----BEGIN PRIVATE KEY-----
            MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgOPdt5iJ5V3Mgi+MI
            Uydc5Uun0iWwxkfPnRAGAmaywnuhRANCAARO30MQPeLGKJU9EWzPiDaRhfANtqov
            XWw3ZOGIemtIOz/xy1K+lt7P/ASPizYY+AC/KNOAvE7OP4p4jhujBk+l
            -----END PRIVATE KEY-----
            """;

    static final String RSA_KEY = """
            -----BEGIN RSA PRIVATE KEY-----
            MIICXgIBAAKBgQDzpzSvpwWuXjIF/x8kmqM85A+36QxBqDMIjIYSsSdiFtv2WEBZ
            WQ36S+0xmVk94c+gcWKHiEJhCiMIxG2LDSQ0n/cEapBBiniOfhbuCGl4oPjpSW1D
            v5cUZYJUmxG1jQTfPrHWUzRrgJXceZWqz42+qoG2GcmsUccxt2AaoMESxQIDAQAB
            AoGAT5zk5Dgo7Q6uPbNc07MLf4vtbuRhMtrowfRYoqbr/WsGuHmhnRAyNwS0Hi7D
            MCsmkoA595sYRWjwhZ7ZREQo/b3IZxcSj2HiOQdaOOFYdtMNVZHwOqF+S6EK4lkN
            C5WxIXdCI8piff6GZhX9X+UtdSZkXwV+hk9w/fvE6GsYbsECQQD6k8i42AYBpuqo
            NW6qh6lW6GF4LX1HfT3jwHcBKsrHcygkMcVGGYdwgMgzvju7Vl43H6R78rM5GShx
            0p1GnciZAkEA+O0PwTF/Hx6L1deMYPNJHU3Nqn57uygAvTbc0BzA/i22JHmrkpbD
            DjBULbMFXjlnuJVKSK3f8aTQYbUhKBvbDQJBALN1E9QOIn8cZAKEAfXvor+zPdsr
            +QUyFRj/xjr3wrKFLsJ9QqOptO5FzRwBqhXJDUC9ULfUYbcK5YRfKnRgnEECQQCa
            YjyxL0eOP12uxL6Vqo2gFQ8HPOb0Tn0W3R3aHNs9SZB70tIsWkCjXin3Jd6gb636
            duzZYq1Pq05qKvJjc9NJAkEA0jyvtHw+WFL8k7tgTVadx0mEEQ4UmILXwaSX3Zqs
            uqXsZO2uDKsLxBTPxXFD0dxtdcDOicaYJW9tMItQNJGISw==
            -----END RSA PRIVATE KEY-----
            """;

    private TestCredentials() {
    }
}
