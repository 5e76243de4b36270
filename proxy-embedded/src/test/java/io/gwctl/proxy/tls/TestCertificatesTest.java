package io.gwctl.proxy.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCertificatesTest {

    @Test
    void leafIsSignedByItsAuthorityAndCarriesItsNames(@TempDir Path dir) throws Exception {
        TestCertificates.Authority ca = TestCertificates.authority("test-ca");
        TestCertificates.Issued leaf = ca.leaf("httpbin.example.com").dns("httpbin.example.com", "*.example.com")
                .ip("127.0.0.1").issue();

        leaf.certificate().verify(ca.certificate().getPublicKey());
        leaf.certificate().checkValidity();
        assertThat(leaf.certificate().getSubjectAlternativeNames().stream().map(n -> (Object) n.get(1)).toList())
                .containsExactly("httpbin.example.com", "*.example.com", "127.0.0.1");
        var files = leaf.written(dir, "server");
        assertThat(Files.readString(files.certificate())).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Files.readString(files.key())).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void expiredLeafIsRefusedAndAnotherAuthorityDoesNotVerify() {
        TestCertificates.Authority ca = TestCertificates.authority("test-ca");
        TestCertificates.Authority other = TestCertificates.authority("other-ca");
        X509Certificate expired = ca.leaf("old.example.com").expired().issue().certificate();

        assertThatThrownBy(expired::checkValidity).isInstanceOf(CertificateExpiredException.class);
        assertThatThrownBy(() -> ca.leaf("a").issue().certificate().verify(other.certificate().getPublicKey()))
                .isInstanceOf(java.security.SignatureException.class);
        assertThat(List.of(ca.certificate().getBasicConstraints())).containsExactly(Integer.MAX_VALUE);
    }
}
