package cn.hlj.remoteeval.scope;

/** Procurement category of a tender section, as policy 一(一) distinguishes them. */
public enum Category {
    /** 工程施工类（施工总承包）. */
    CONSTRUCTION,
    /** 货物采购类（设备、材料等）. */
    GOODS,
    /** 服务类（勘察、设计、监理等）. */
    SERVICES,
    /** 工程总承包: judged by each of its parts. */
    EPC
}
