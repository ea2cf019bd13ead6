-- Reference vocabularies served by /api/v1/reference so clients never hard-code them.

CREATE TABLE jurisdiction (
    code            varchar(8)   PRIMARY KEY,          -- ISO 3166-2:CN, or SASAC for central SOEs
    name_zh         varchar(32)  NOT NULL UNIQUE,
    short_name_zh   varchar(16)  NOT NULL UNIQUE,      -- as the CAC lists write 属地 (北京, 国资委)
    name_en         varchar(64)  NOT NULL UNIQUE,
    filing_prefix   varchar(32)  NOT NULL UNIQUE,      -- pinyin prefix of its filing numbers
    sort_order      smallint     NOT NULL
);

INSERT INTO jurisdiction (code, name_zh, short_name_zh, name_en, filing_prefix, sort_order) VALUES
 ('CN-BJ', '北京市', '北京', 'Beijing', 'Beijing', 1),
 ('CN-TJ', '天津市', '天津', 'Tianjin', 'Tianjin', 2),
 ('CN-HE', '河北省', '河北', 'Hebei', 'Hebei', 3),
 ('CN-SX', '山西省', '山西', 'Shanxi', 'Shanxi', 4),
 ('CN-NM', '内蒙古自治区', '内蒙古', 'Inner Mongolia', 'NeiMengGu', 5),
 ('CN-LN', '辽宁省', '辽宁', 'Liaoning', 'Liaoning', 6),
 ('CN-JL', '吉林省', '吉林', 'Jilin', 'Jilin', 7),
 ('CN-HL', '黑龙江省', '黑龙江', 'Heilongjiang', 'Heilongjiang', 8),
 ('CN-SH', '上海市', '上海', 'Shanghai', 'Shanghai', 9),
 ('CN-JS', '江苏省', '江苏', 'Jiangsu', 'Jiangsu', 10),
 ('CN-ZJ', '浙江省', '浙江', 'Zhejiang', 'Zhejiang', 11),
 ('CN-AH', '安徽省', '安徽', 'Anhui', 'Anhui', 12),
 ('CN-FJ', '福建省', '福建', 'Fujian', 'Fujian', 13),
 ('CN-JX', '江西省', '江西', 'Jiangxi', 'Jiangxi', 14),
 ('CN-SD', '山东省', '山东', 'Shandong', 'Shandong', 15),
 ('CN-HA', '河南省', '河南', 'Henan', 'Henan', 16),
 ('CN-HB', '湖北省', '湖北', 'Hubei', 'Hubei', 17),
 ('CN-HN', '湖南省', '湖南', 'Hunan', 'Hunan', 18),
 ('CN-GD', '广东省', '广东', 'Guangdong', 'Guangdong', 19),
 ('CN-GX', '广西壮族自治区', '广西', 'Guangxi', 'Guangxi', 20),
 ('CN-HI', '海南省', '海南', 'Hainan', 'Hainan', 21),
 ('CN-CQ', '重庆市', '重庆', 'Chongqing', 'Chongqing', 22),
 ('CN-SC', '四川省', '四川', 'Sichuan', 'Sichuan', 23),
 ('CN-GZ', '贵州省', '贵州', 'Guizhou', 'Guizhou', 24),
 ('CN-YN', '云南省', '云南', 'Yunnan', 'Yunnan', 25),
 ('CN-XZ', '西藏自治区', '西藏', 'Tibet', 'Xizang', 26),
 ('CN-SN', '陕西省', '陕西', 'Shaanxi', 'Shaanxi', 27),
 ('CN-GS', '甘肃省', '甘肃', 'Gansu', 'Gansu', 28),
 ('CN-QH', '青海省', '青海', 'Qinghai', 'Qinghai', 29),
 ('CN-NX', '宁夏回族自治区', '宁夏', 'Ningxia', 'Ningxia', 30),
 ('CN-XJ', '新疆维吾尔自治区', '新疆', 'Xinjiang', 'Xinjiang', 31),
 ('SASAC', '国务院国有资产监督管理委员会', '国资委', 'SASAC (central state-owned enterprises)', 'ZhongYangQiYe', 32);

CREATE TABLE category (
    code        varchar(16) PRIMARY KEY,
    name_zh     varchar(16) NOT NULL UNIQUE,
    name_en     varchar(32) NOT NULL UNIQUE,
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
    name_zh     varchar(16) NOT NULL UNIQUE,
    name_en     varchar(32) NOT NULL UNIQUE,
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
