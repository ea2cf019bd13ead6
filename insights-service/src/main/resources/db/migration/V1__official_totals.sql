-- Officially announced cumulative totals (CAC notices and citations of them), the yardstick of the
-- coverage insight. Seeded from data/cac_official_totals.csv (copied into src/main/resources/data); editable via the API.
-- Month-only dates in the source are stored as that month's last day; "490+" is stored as 490, approximate.

CREATE TABLE official_total (
    as_of                   date        PRIMARY KEY,
    filed_cumulative        integer     NOT NULL CHECK (filed_cumulative >= 0),
    registered_cumulative   integer     CHECK (registered_cumulative >= 0),
    approximate             boolean     NOT NULL DEFAULT false,
    status                  varchar(32) NOT NULL,
    source                  text        NOT NULL,
    note                    text,
    updated_at              timestamptz NOT NULL DEFAULT now(),
    version                 integer     NOT NULL DEFAULT 0
);

INSERT INTO official_total (as_of, filed_cumulative, registered_cumulative, approximate, status, source, note) VALUES
 ('2023-08-31', 8, NULL, false, 'registry-derived', 'Leading-AI-IO/the-china-ai-registry docs/en/the-china-ai-registry_EN.md @7209a154', 'Attachment 1 Nos.1-8 all dated 2023/8/31'),
 ('2024-03-31', 117, 0, false, 'registry-derived', 'Leading-AI-IO/the-china-ai-registry docs/en/the-china-ai-registry_EN.md; hub https://www.cac.gov.cn/2024-04/02/c_1713729983803145.htm', 'Attachment 1 = Nos.1-117, published 2024-04-02; no registration list yet'),
 ('2024-08-31', 188, NULL, false, 'registry-derived', 'Leading-AI-IO/the-china-ai-registry docs/en/the-china-ai-registry_EN.md', 'Attachment 2 = Nos.118-188; registration list starts at No.1 here'),
 ('2024-12-31', 302, 105, false, 'official', 'CAC notice 2025-01-08 https://www.cac.gov.cn/2025-01/08/c_1738034725920930.htm', '105 = registered in 2024'),
 ('2025-03-31', 346, 159, false, 'official', 'Xinhua via en.people.cn/n3/2025/0409/c90000-20299439.html (346); aibase.com/ja/news/16939 (159 registered)', NULL),
 ('2025-06-30', 439, NULL, false, 'third-party', 'szaicx.com (Shenzhen AI Industry Association tally)', 'CAC July-2025 notice not reached'),
 ('2025-07-30', 490, 240, true, 'official-approx', 'CAC official at 国家信息化发展报告(2024) launch, newbe.com.cn/info/focus/4346.shtml', 'announced as 490+ filed and 240+ registered'),
 ('2025-08-31', 538, 263, false, 'official', 'CNNIC 生成式人工智能应用发展报告(2025); CAC notice 2025-09-10 https://www.cac.gov.cn/2025-09/10/c_1759222982377536.htm', NULL),
 ('2025-11-01', 611, 306, false, 'official', 'j.people.com.cn/n3/2025/1112/c95952-20389636.html (611); news.aibase.com/ja/news/22738 (306)', 'sources disagree: 263+35=298, not 306'),
 ('2025-12-31', 748, 435, false, 'official-cited', 'CAC 2026-01-09 https://www.cac.gov.cn/2026-01/09/c_1769688009588554.htm as cited', 'not seen directly'),
 ('2026-02-28', 796, 481, false, 'official-cited', 'CAC 2026-03-17 https://www.cac.gov.cn/2026-03/17/c_1775482074695536.htm as cited', NULL),
 ('2026-04-30', 868, 530, false, 'official', 'CAC 2026-05-13 https://www.cac.gov.cn/2026-05/13/c_1780413225190669.htm', NULL),
 ('2026-06-30', 988, 598, false, 'official-cited', 'CAC 2026-07-10 https://www.cac.gov.cn/2026-07/10/c_1785427810632554.htm as cited', 'Attachment 12 = filings 869-988, registrations 531-598');
