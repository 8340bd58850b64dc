package cn.hlj.remoteeval.tender.internal;

import java.math.BigDecimal;

/** The estimated prices of an EPC contract's parts (工程总承包中施工、货物、服务各部分), in yuan. */
record EpcParts(BigDecimal constructionPart, BigDecimal goodsPart, BigDecimal servicesPart) {
}
