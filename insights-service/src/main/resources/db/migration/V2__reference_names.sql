-- Names of the reference vocabularies the insights answers show (jurisdictions, categories, sectors), copied
-- from the registry's V1__reference_vocabularies.sql: insights never reads the registry's tables. Query
-- parameters are validated against these codes.

CREATE TABLE jurisdiction (
    code        varchar(8)  PRIMARY KEY,
    name_zh     varchar(32) NOT NULL,
    name_en     varchar(64) NOT NULL,
    sort_order  smallint    NOT NULL
);

INSERT INTO jurisdiction (code, name_zh, name_en, sort_order) VALUES
 ('CN-BJ', '北京市', 'Beijing', 1),
 ('CN-TJ', '天津市', 'Tianjin', 2),
 ('CN-HE', '河北省', 'Hebei', 3),
 ('CN-SX', '山西省', 'Shanxi', 4),
 ('CN-NM', '内蒙古自治区', 'Inner Mongolia', 5),
 ('CN-LN', '辽宁省', 'Liaoning', 6),
 ('CN-JL', '吉林省', 'Jilin', 7),
 ('CN-HL', '黑龙江省', 'Heilongjiang', 8),
 ('CN-SH', '上海市', 'Shanghai', 9),
 ('CN-JS', '江苏省', 'Jiangsu', 10),
 ('CN-ZJ', '浙江省', 'Zhejiang', 11),
 ('CN-AH', '安徽省', 'Anhui', 12),
 ('CN-FJ', '福建省', 'Fujian', 13),
 ('CN-JX', '江西省', 'Jiangxi', 14),
 ('CN-SD', '山东省', 'Shandong', 15),
 ('CN-HA', '河南省', 'Henan', 16),
 ('CN-HB', '湖北省', 'Hubei', 17),
 ('CN-HN', '湖南省', 'Hunan', 18),
 ('CN-GD', '广东省', 'Guangdong', 19),
 ('CN-GX', '广西壮族自治区', 'Guangxi', 20),
 ('CN-HI', '海南省', 'Hainan', 21),
 ('CN-CQ', '重庆市', 'Chongqing', 22),
 ('CN-SC', '四川省', 'Sichuan', 23),
 ('CN-GZ', '贵州省', 'Guizhou', 24),
 ('CN-YN', '云南省', 'Yunnan', 25),
 ('CN-XZ', '西藏自治区', 'Tibet', 26),
 ('CN-SN', '陕西省', 'Shaanxi', 27),
 ('CN-GS', '甘肃省', 'Gansu', 28),
 ('CN-QH', '青海省', 'Qinghai', 29),
 ('CN-NX', '宁夏回族自治区', 'Ningxia', 30),
 ('CN-XJ', '新疆维吾尔自治区', 'Xinjiang', 31),
 ('SASAC', '国务院国有资产监督管理委员会', 'SASAC (central state-owned enterprises)', 32);

CREATE TABLE category (
    code        varchar(24) PRIMARY KEY,
    name_zh     varchar(16) NOT NULL,
    name_en     varchar(32) NOT NULL,
    sort_order  smallint    NOT NULL
);

INSERT INTO category (code, name_zh, name_en, sort_order) VALUES
 ('TEXT', '文本', 'Text', 1),
 ('IMAGE', '图像', 'Image', 2),
 ('AUDIO', '音频/语音', 'Audio and speech', 3),
 ('VIDEO', '视频', 'Video', 4),
 ('CODE', '代码', 'Code', 5),
 ('MULTIMODAL', '多模态', 'Multimodal', 6);

CREATE TABLE sector (
    code        varchar(24) PRIMARY KEY,
    name_zh     varchar(16) NOT NULL,
    name_en     varchar(32) NOT NULL,
    sort_order  smallint    NOT NULL
);

INSERT INTO sector (code, name_zh, name_en, sort_order) VALUES
 ('GENERAL', '通用', 'General purpose', 1),
 ('CUSTOMER_SERVICE', '客服', 'Customer service', 2),
 ('HEALTHCARE', '医疗健康', 'Healthcare', 3),
 ('LEGAL', '法律', 'Legal', 4),
 ('FINANCE', '金融', 'Finance', 5),
 ('EDUCATION', '教育', 'Education', 6),
 ('MANUFACTURING', '制造', 'Manufacturing', 7),
 ('LOGISTICS', '物流', 'Logistics', 8),
 ('GOVERNMENT', '政务', 'Government', 9),
 ('MEDIA', '媒体', 'Media', 10),
 ('ENERGY', '能源', 'Energy', 11),
 ('TELECOM', '通信', 'Telecommunications', 12),
 ('TRANSPORT', '交通出行', 'Transport', 13),
 ('RETAIL', '零售电商', 'Retail and e-commerce', 14),
 ('AUTOMOTIVE', '汽车', 'Automotive', 15),
 ('OFFICE', '办公', 'Office and productivity', 16),
 ('ENTERTAINMENT', '文娱', 'Entertainment', 17),
 ('SECURITY', '安全', 'Security', 18),
 ('RESEARCH', '科研', 'Research', 19),
 ('OTHER', '其他', 'Other', 20);
