package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A seat or a report reading a value that cannot be opened fails, naming the row and never the
 * stored text; the chain reads it as missing, so that verification reports the record as changed.
 */
class SealedColumnsUnitTest {

    private final SealedColumns sealed = new SealedColumns(SealDrawColumnsMigrationUnitTest.CIPHER);

    @Test
    void opensWhatItSealed() {
        assertThat(sealed.open("committee_seat", "center_code", "s1", sealed.seal("DQ"))).isEqualTo("DQ");
    }

    @Test
    void aValueWrittenInTheClearFailsNamingTheRowButNotTheValue() {
        assertThatThrownBy(() -> sealed.open("committee_seat", "center_code", "s1", "QQHR"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("committee_seat.center_code of row s1").hasMessageNotContaining("QQHR");
    }

    @Test
    void theChainReadsAnUnreadableValueAsMissing() {
        assertThat(sealed.openOrNull("draw_record", "result", "r1", "HRB=1\n")).isNull();
    }
}
