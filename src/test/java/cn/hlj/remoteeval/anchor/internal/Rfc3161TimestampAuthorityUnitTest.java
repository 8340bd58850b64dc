package cn.hlj.remoteeval.anchor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.UnaryOperator;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The RFC 3161 client against a time-stamping authority built in the test with BouncyCastle's
 * generators and served on the loopback interface: no network beyond this machine.
 */
class Rfc3161TimestampAuthorityUnitTest {

    private static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.2.3.4.1");

    private HttpServer server;
    private X509CertificateHolder tsaCertificate;
    private TimeStampResponseGenerator tsa;
    /** What the authority does to each request before answering: the identity, or a forgery. */
    private volatile UnaryOperator<TimeStampRequest> answerFor = UnaryOperator.identity();
    private volatile boolean refuse;

    @BeforeEach
    void startAuthority() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair keys = rsa.generateKeyPair();
        X500Name name = new X500Name("CN=In-test TSA");
        Instant now = Instant.now();
        tsaCertificate = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now.minusSeconds(60)),
                Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
        DigestCalculator sha1 = new JcaDigestCalculatorProviderBuilder().build()
                .get(new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1));
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                .build("SHA256withRSA", keys.getPrivate(), tsaCertificate), sha1, POLICY);
        tsa = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tsa", exchange -> {
            try {
                TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
                byte[] answer = refuse
                        ? tsa.generateRejectedResponse(new org.bouncycastle.tsp.TSPException("policy"))
                                .getEncoded()
                        : tsa.generateGrantedResponse(answerFor.apply(request), BigInteger.valueOf(System.nanoTime()),
                                new Date()).getEncoded();
                exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stopAuthority() {
        server.stop(0);
    }

    @Test
    void theTokenCoversTheDigestAndVerifiesUnderTheAuthoritysCertificate() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("a statement".getBytes());

        String token = client().timestamp(digest).orElseThrow();

        TimeStampToken parsed = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(Base64.getDecoder().decode(token)));
        parsed.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsaCertificate));
        assertThat(parsed.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
        assertThat(parsed.getTimeStampInfo().getMessageImprintAlgOID()).isEqualTo(TSPAlgorithms.SHA256);
        assertThat(parsed.getTimeStampInfo().getPolicy()).isEqualTo(POLICY);
    }

    @Test
    void aTokenForAnotherDigestOrARefusalIsNeverReturned() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("a statement".getBytes());
        answerFor = request -> new TimeStampRequestGenerator().generate(TSPAlgorithms.SHA256, new byte[32], request.getNonce());

        assertThatThrownBy(() -> client().timestamp(digest)).isInstanceOf(IllegalStateException.class);

        answerFor = UnaryOperator.identity();
        refuse = true;
        assertThatThrownBy(() -> client().timestamp(digest)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused");
    }

    @Test
    void anAuthorityThatDoesNotAnswerFailsWithinTheTimeout() throws IOException {
        server.stop(0);

        assertThatThrownBy(() -> client().timestamp(new byte[32])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAUrlNothingIsTimeStamped() {
        assertThat(new HeadPublicationConfiguration().timestampAuthority("", Duration.ofSeconds(1)).timestamp(new byte[32]))
                .isEmpty();
    }

    private Rfc3161TimestampAuthority client() {
        return new Rfc3161TimestampAuthority(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa"),
                Duration.ofSeconds(5));
    }
}
