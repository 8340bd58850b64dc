package cn.hlj.remoteeval.crossprovince.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.crossprovince.PartnerCluePassedOn;
import cn.hlj.remoteeval.crossprovince.PartnerSessions;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.exchange.ReceivedMessage;
import cn.hlj.remoteeval.security.PersonalDataCipher;

/**
 * CLUE_PASSED_ON at the main venue: taken only from the partner holding that session in the tender's plan,
 * once per clue, and handed on with the description encrypted and out of the audit.
 */
class CluePassedOnHandlerUnitTest {

    private static final Instant NOW = Instant.parse("2031-05-06T07:10:00Z");
    private static final String TENDER = "t-1";

    private final PartnerSessions sessions = mock(PartnerSessions.class);
    private final PersonalDataCipher cipher = mock(PersonalDataCipher.class);
    private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    private final AuditLog audit = mock(AuditLog.class);
    private final ObjectMapper json = new ObjectMapper();
    private CluePassedOnHandler handler;
    private JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        jdbc = JdbcClient.create(new DriverManagerDataSource("jdbc:h2:mem:clues-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        jdbc.sql("CREATE TABLE partner_clue (partner VARCHAR(8) NOT NULL, clue_ref VARCHAR(64) NOT NULL, "
                + "tender_id VARCHAR(36) NOT NULL, session_ref VARCHAR(64) NOT NULL, message_id VARCHAR(36) NOT NULL, "
                + "arrived_at DATETIME(6) NOT NULL, CONSTRAINT pk_partner_clue PRIMARY KEY (partner, clue_ref))").update();
        handler = new CluePassedOnHandler(new PartnerClues(sessions, jdbc, cipher, events, audit, Clock.fixed(NOW, ZoneOffset.UTC)));
        when(sessions.ofTender(TENDER)).thenReturn(List.of(new PartnerSessions.PartnerSession("JL", "JS-1", 3),
                new PartnerSessions.PartnerSession("GD", "GS-9", 1)));
        when(cipher.encrypt("专家私下接触投标人")).thenReturn("v1:sealed");
    }

    @Test
    void handlesCluePassedOn() {
        assertThat(handler.type()).isEqualTo(MessageType.CLUE_PASSED_ON);
    }

    @Test
    void aClueFromThePartnerHoldingTheSessionGoesToTheClueProcessWithItsDescriptionEncrypted() {
        handler.handle(message("JL", "JS-1", "C-5", "专家私下接触投标人"));

        verify(events).publishEvent(new PartnerCluePassedOn(TENDER, "JS-1", "C-5", "COLLUSIVE_BIDDING", LocalDate.of(2031, 5, 6),
                "v1:sealed", "exchange:JL"));
        ArgumentCaptor<String> detail = ArgumentCaptor.forClass(String.class);
        verify(audit).append(eq(NOW), eq("exchange:JL"), eq("PARTNER_CLUE_ARRIVED"), eq("TENDER"), eq(TENDER), detail.capture());
        assertThat(detail.getValue()).contains("C-5", "JS-1").doesNotContain("接触");
    }

    @Test
    void aPartnerThatDoesNotHoldTheSessionIsRefused() {
        assertThatThrownBy(() -> handler.handle(message("GD", "JS-1", "C-5", "专家私下接触投标人")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("JS-1");
        assertRefused();
    }

    @Test
    void aSessionNotInTheTendersPlanIsRefused() {
        assertThatThrownBy(() -> handler.handle(message("JL", "JS-2", "C-5", "专家私下接触投标人")))
                .isInstanceOf(IllegalStateException.class);
        when(sessions.ofTender(TENDER)).thenReturn(List.of());
        assertThatThrownBy(() -> handler.handle(message("JL", "JS-1", "C-5", "专家私下接触投标人")))
                .isInstanceOf(IllegalStateException.class);
        assertRefused();
    }

    @Test
    void aClueWithoutItsSealedDescriptionIsRefused() {
        assertThatThrownBy(() -> handler.handle(message("JL", "JS-1", "C-5", null))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> handler.handle(message("JL", "JS-1", "C-5", "长".repeat(1501))))
                .isInstanceOf(IllegalStateException.class);
        assertRefused();
    }

    @Test
    void theSameClueAgainIsTakenOnce() {
        handler.handle(message("JL", "JS-1", "C-5", "专家私下接触投标人"));
        handler.handle(message("JL", "JS-1", "C-5", "专家私下接触投标人"));

        verify(events, times(1)).publishEvent(any(Object.class));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM partner_clue").query(Long.class).single()).isOne();
    }

    private void assertRefused() {
        verify(events, never()).publishEvent(any(Object.class));
        verify(audit, never()).append(any(), anyString(), anyString(), anyString(), anyString(), anyString());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM partner_clue").query(Long.class).single()).isZero();
    }

    private ReceivedMessage message(String sender, String sessionRef, String clueRef, String description) {
        ObjectNode body = json.createObjectNode();
        body.put("sessionRef", sessionRef);
        body.put("clueRef", clueRef);
        body.put("category", "COLLUSIVE_BIDDING");
        body.put("foundOn", "2031-05-06");
        ObjectNode secret = description == null ? null : json.createObjectNode().put("description", description);
        return new ReceivedMessage(sender, UUID.randomUUID().toString(), TENDER, 7, MessageType.CLUE_PASSED_ON, NOW, body, secret);
    }
}
