-- Owned by module venue: the province's public resource trading centers (DESIGN.md §4).
CREATE TABLE trading_center (
    code                               VARCHAR(16)  NOT NULL,
    name                               VARCHAR(100) NOT NULL,
    permanent_cross_province_sub_venue BOOLEAN      NOT NULL DEFAULT FALSE,
    display_order                      INT          NOT NULL,
    CONSTRAINT pk_trading_center PRIMARY KEY (code)
);

INSERT INTO trading_center (code, name, permanent_cross_province_sub_venue, display_order) VALUES
    ('PROV', '黑龙江省公共资源交易中心', TRUE, 1),
    ('HRB', '哈尔滨市公共资源交易中心', TRUE, 2),
    ('QQHR', '齐齐哈尔市公共资源交易中心', TRUE, 3),
    ('MDJ', '牡丹江市公共资源交易中心', FALSE, 4),
    ('JMS', '佳木斯市公共资源交易中心', FALSE, 5),
    ('DQ', '大庆市公共资源交易中心', FALSE, 6),
    ('JX', '鸡西市公共资源交易中心', FALSE, 7),
    ('SYS', '双鸭山市公共资源交易中心', FALSE, 8),
    ('YC', '伊春市公共资源交易中心', FALSE, 9),
    ('QTH', '七台河市公共资源交易中心', FALSE, 10),
    ('HG', '鹤岗市公共资源交易中心', FALSE, 11),
    ('HH', '黑河市公共资源交易中心', FALSE, 12),
    ('SH', '绥化市公共资源交易中心', FALSE, 13),
    ('DXAL', '大兴安岭地区公共资源交易中心', FALSE, 14);
