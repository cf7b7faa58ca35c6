/* bench-words.c: the vocabulary of the synthetic network.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-words.h"

static const char * const bench_english_given[] = {
  "James", "Mary", "Olivia", "Liam", "Emma", "Noah", "Ava", "Oliver", "Sophia",
  "William", "Charlotte", "Benjamin", "Amelia", "Lucas", "Harper", "Henry",
  "Evelyn", "Alexander", "Abigail", "Daniel", "Emily", "Michael", "Grace",
  "Samuel", "Chloe", "Jack", "Ruth", "Thomas", "Margaret", "Patrick", NULL
};
static const char * const bench_english_family[] = {
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson",
  "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson",
  "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen",
  "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "O'Brien",
  "McCarthy", "Fitzgerald", "Murphy", "Kelly", NULL
};
static const char * const bench_iberian_given[] = {
  "José", "María", "Lucía", "Martín", "Sofía", "Mateo", "Valentina", "Santiago",
  "Camila", "Joaquín", "Inês", "João", "Gonçalo", "Ángel", "Begoña", "Íñigo",
  "Ximena", "Agustín", NULL
};
static const char * const bench_iberian_family[] = {
  "García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez",
  "Sánchez", "Ramírez", "Torres", "Núñez", "Peña", "Gonçalves", "Araújo",
  "Fernández", "Ibáñez", "Muñoz", "Castro", NULL
};
static const char * const bench_french_given[] = {
  "Amélie", "Chloé", "Léa", "Théo", "Hélène", "François", "Zoé", "Gaëlle",
  "Jérôme", "Renée", "Benoît", "Cécile", "Loïc", "Océane", NULL
};
static const char * const bench_french_family[] = {
  "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Bonnet", "Dupont",
  "Fontaine", "Chevalier", "Rousseau", "Lemaître", "Bélanger", NULL
};
static const char * const bench_germanic_given[] = {
  "Jürgen", "Jörg", "Björn", "Søren", "Åsa", "Märta", "Uwe", "Käthe", "Lukas",
  "Anja", "Sven", "Ingrid", "Maximilian", "Solveig", NULL
};
static const char * const bench_germanic_family[] = {
  "Müller", "Schröder", "Weiß", "Groß", "Köhler", "Jäger", "Ångström",
  "Sørensen", "Nyström", "Østergaard", "Schmidt", "Becker", "Hoffmann", NULL
};
static const char * const bench_central_given[] = {
  "Łukasz", "Małgorzata", "Wojciech", "Zuzana", "Jiří", "Ömer", "Çağla", "Şule",
  "Ayşe", "Tomáš", "Agnieszka", "Mehmet", NULL
};
static const char * const bench_central_family[] = {
  "Wiśniewski", "Kowalczyk", "Dvořák", "Novák", "Şahin", "Yılmaz", "Öztürk",
  "Çelik", "Szymańska", "Krejčí", NULL
};
static const char * const bench_italian_given[] = {
  "Giulia", "Marco", "Francesca", "Lorenzo", "Chiara", "Matteo", "Alessandra",
  "Niccolò", NULL
};
static const char * const bench_italian_family[] = {
  "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo",
  "Ricci", "De Luca", NULL
};
static const char * const bench_indian_given[] = {
  "Priya", "Arjun", "Ananya", "Rohan", "Kavya", "Vikram", "Aditi", "Sanjay",
  "Meera", NULL
};
static const char * const bench_indian_family[] = {
  "Raghunathan", "Mehta", "Iyer", "Patel", "Krishnan", "Reddy", "Chatterjee",
  "Banerjee", "Nair", NULL
};
static const char * const bench_greek_given[] = {
  "Γιώργος", "Μαρία", "Ελένη", "Δημήτρης", "Νίκος", "Κατερίνα", NULL
};
static const char * const bench_greek_family[] = {
  "Παπαδόπουλος", "Παπαδάκη", "Γεωργίου", "Οικονόμου", "Βασιλείου", NULL
};
static const char * const bench_cyrillic_given[] = {
  "Алексей", "Ольга", "Дмитрий", "Наталья", "Иван", "Татьяна", "Олена", "Богдан", NULL
};
static const char * const bench_cyrillic_family[] = {
  "Иванов", "Смирнова", "Кузнецов", "Попова", "Шевченко", "Коваленко", "Петров", NULL
};
static const char * const bench_arabic_given[] = {
  "محمد", "فاطمة", "أحمد", "ليلى", "عمر", "نور", NULL
};
static const char * const bench_arabic_family[] = {
  "العلي", "حداد", "خوري", "منصور", "السيد", NULL
};
static const char * const bench_hebrew_given[] = { "נועה", "דוד", "יעל", "אורי", NULL };
static const char * const bench_hebrew_family[] = { "כהן", "לוי", "מזרחי", "פרץ", NULL };
static const char * const bench_hindi_given[] = { "प्रिया", "राहुल", "अनीता", "विकास", NULL };
static const char * const bench_hindi_family[] = { "शर्मा", "वर्मा", "गुप्ता", "सिंह", NULL };
static const char * const bench_chinese_given[] = { "伟", "芳", "娜", "敏", "静", "磊", "洋", "秀英", NULL };
static const char * const bench_chinese_family[] = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", NULL };
static const char * const bench_japanese_given[] = { "太郎", "花子", "陽菜", "蓮", "結衣", "大翔", NULL };
static const char * const bench_japanese_family[] = { "佐藤", "鈴木", "高橋", "田中", "渡辺", NULL };
static const char * const bench_korean_given[] = { "민준", "서연", "지우", "하은", NULL };
static const char * const bench_korean_family[] = { "김", "이", "박", "최", NULL };
static const char * const bench_vietnamese_given[] = { "Văn An", "Thị Bích", "Minh Đức", "Thu Hằng", NULL };
static const char * const bench_vietnamese_family[] = { "Nguyễn", "Trần", "Lê", "Phạm", NULL };

const BenchCulture bench_cultures[] = {
  { bench_english_given, bench_english_family, 30, FALSE, TRUE },
  { bench_iberian_given, bench_iberian_family, 10, FALSE, TRUE },
  { bench_french_given, bench_french_family, 7, FALSE, TRUE },
  { bench_germanic_given, bench_germanic_family, 8, FALSE, TRUE },
  { bench_central_given, bench_central_family, 5, FALSE, TRUE },
  { bench_italian_given, bench_italian_family, 6, FALSE, TRUE },
  { bench_indian_given, bench_indian_family, 7, FALSE, TRUE },
  { bench_greek_given, bench_greek_family, 3, FALSE, FALSE },
  { bench_cyrillic_given, bench_cyrillic_family, 5, FALSE, FALSE },
  { bench_arabic_given, bench_arabic_family, 3, FALSE, FALSE },
  { bench_hebrew_given, bench_hebrew_family, 2, FALSE, FALSE },
  { bench_hindi_given, bench_hindi_family, 2, FALSE, FALSE },
  { bench_chinese_given, bench_chinese_family, 5, TRUE, FALSE },
  { bench_japanese_given, bench_japanese_family, 3, TRUE, FALSE },
  { bench_korean_given, bench_korean_family, 2, TRUE, FALSE },
  { bench_vietnamese_given, bench_vietnamese_family, 2, TRUE, TRUE },
};

const char * const bench_company_first[] = {
  "Northwind", "Blue Harbor", "Acme", "Brightline", "Copperleaf", "Evergreen",
  "Summit", "Riverside", "Keystone", "Lumen", "Oakridge", "Silverline",
  "Redwood", "Pinnacle", "Meridian", "Quantum", "Cedar", "Atlas", "Beacon",
  "Nimbus", "Granite", "Willow", "Falcon", "Orchard", "Horizon", "Sterling",
  "Maple", "Aurora", "Vertex", "Müller & Söhne", "Café Olé", "Nordlicht",
  "Sol y Mar", "Bella Vista", "Fjord", "Kestrel", "Lighthouse", "Ironbridge",
  "Seven Hills", "Greenfield", NULL
};
/* The second word of a company's name, and the industry it implies. */
const BenchTrade bench_trades[] = {
  { "Print", "printing", "commercial printing, brochures and signage" },
  { "Legal", "legal services", "employment law and contract reviews" },
  { "Dental", "dentistry", "family dentistry and implants" },
  { "Bakery", "food and beverage", "artisan bread and wedding cakes" },
  { "Logistics", "logistics", "same-day courier and warehousing" },
  { "Consulting", "management consulting", "strategy workshops for family businesses" },
  { "Design", "graphic design", "brand identity and logo design" },
  { "Realty", "real estate", "commercial property leases" },
  { "Insurance", "insurance", "business insurance and liability cover" },
  { "Accounting", "accounting", "bookkeeping, payroll and tax returns" },
  { "Media", "media", "video production and social media campaigns" },
  { "Software", "software", "web shops on Shopify and custom apps" },
  { "Coaching", "coaching", "executive coaching and leadership training" },
  { "Catering", "hospitality", "corporate catering and event menus" },
  { "Architecture", "architecture", "extensions, loft conversions and planning permission" },
  { "Marketing", "marketing", "SEO, newsletters and marketing plans" },
  { "Solar", "renewable energy", "solar panels and heat pumps" },
  { "Fitness", "fitness", "personal training and corporate wellness" },
  { "Travel", "travel", "business travel and group trips" },
  { "Photography", "photography", "wedding and product photography" },
  { "Security", "security", "IT security audits and GDPR compliance" },
  { "Wealth", "financial planning", "pensions, mortgages and financial planning" },
  { "Events", "event planning", "conferences, galas and trade fair stands" },
  { "Translation", "translation", "Spanish, German and Chinese translation" },
  { "Recruiting", "recruitment", "hiring developers and accountants" },
  { "Clinic", "healthcare", "physiotherapy and occupational health" },
  { "Academy", "education", "language courses and tutoring" },
  { "Builders", "construction", "renovations and shop fitting" },
  { "Hotel", "hospitality", "meeting rooms and corporate stays" },
  { "Works", "manufacturing", "precision machining and prototypes" },
};
const char * const bench_company_suffix[] = {
  "Ltd", "GmbH", "& Co", "Partners", "Group", "Studio", "LLC", "SARL", "S.L.",
  "AB", "", "", "", "", NULL
};
const char * const bench_foreign_companies[] = {
  "Северный Ветер", "株式会社サクラ", "Δέλτα Σύμβουλοι", "上海华美贸易", "شركة النور",
  "Łódzka Drukarnia", "Þór Ráðgjöf", "Ñandú Diseño", NULL
};

const char * const bench_roles[] = {
  "Founder", "Owner", "Managing Director", "Accountant", "Bookkeeper",
  "Architect", "Designer", "Developer", "Sales Manager", "Marketing Lead",
  "Consultant", "Coach", "Photographer", "Lawyer", "Dentist", "Chef",
  "Recruiter", "Financial Planner", "Engineer", "Project Manager", "Realtor",
  "Translator", "Printer", "Event Planner", "Copywriter", "Office Manager",
  "Chief Executive", "Head of Operations", NULL
};

const char * const bench_cities[] = {
  "London", "Manchester", "Dublin", "Madrid", "Valencia", "Lisbon", "Porto",
  "Lyon", "Paris", "München", "Zürich", "Göteborg", "København", "Kraków",
  "Praha", "İstanbul", "Milano", "Bengaluru", "Athens", "Київ", "Москва",
  "Dubai", "Tel Aviv", "Delhi", "上海", "東京", "서울", "Hà Nội", "Toronto",
  "New York", "Austin", "Cape Town", "São Paulo", "Ciudad de México", NULL
};

const char * const bench_tags[] = {
  "bni", "chamber", "rotary", "alumni", "client", "prospect", "referral-partner",
  "mentor", "speaker", "investor", "supplier", "friend", "family", "conference",
  "meetup", "golf", "linkedin", "volunteer", "board", "vip", "local", "remote",
  "startup", "nonprofit", "press", "café-club", "Zürich", "womens-network",
  "toastmasters", "coworking", NULL
};

const char * const bench_interests[] = {
  "sailing", "marathon running", "jazz", "gardening", "chess", "cycling",
  "photography", "cooking", "football", "climbing", "opera", "wine",
  "birdwatching", "yoga", "board games", "vintage cars", "skiing", "poetry", NULL
};

const char * const bench_networks[] = {
  "BNI Riverside chapter", "Chamber of Commerce", "Rotary Club", "Women in Business",
  "Founders' Breakfast", "Toastmasters", "Alumni association", "Local council",
  "Parents' association", "Golf club", "Tech meetup", NULL
};

const char * const bench_topics[] = {
  "expanding into Valencia", "hiring a bookkeeper", "a new bakery location",
  "succession planning", "the trade fair in Hannover", "pricing for wedding shoots",
  "moving to cloud accounting", "a rebrand", "export paperwork to Canada",
  "a second dental chair", "solar panels for the warehouse", "the Kickstarter campaign",
  "their podcast", "a mentoring programme", "grant applications", "the office move",
  "a management buy-out", "recruiting two developers", "GDPR questions",
  "a charity gala", "the spring newsletter", "late-paying customers",
  "a franchise offer", "their daughter's university plans", "the new warehouse lease",
  "a joint webinar", "sponsorship of the youth team", "a book they are writing",
  "switching banks", "the Lisbon conference", "cybersecurity training",
  "an apprenticeship scheme", "the shop refit", "a catering contract",
  "the Christmas party", "a partnership with Northwind", NULL
};

const char * const bench_places[] = {
  "the Corner Café", "the Rotary lunch", "the BNI breakfast", "the chamber mixer",
  "Zoom", "their office", "the golf club", "Café Müller", "the coworking space",
  "the station", "a conference dinner", "Teams", "the farmers' market", NULL
};

const char * const bench_dreams[] = {
  "open a second studio", "sail around the Baltic", "write a cookbook",
  "sell the business by 2030", "run the Berlin marathon", "start a podcast",
  "expand to Lisbon", "hire a COO and step back", "build a training academy",
  "export to Japan", "buy the building they rent", "teach at the university", NULL
};

const char * const bench_challenges[] = {
  "find reliable subcontractors", "get paid on time", "hire a junior accountant",
  "win larger clients", "manage cash flow in winter", "keep good staff",
  "get a bank loan for new machines", "cope with rising energy prices",
  "get planning permission", "stand out from cheaper competitors",
  "find time for marketing", "replace an outdated IT system", NULL
};

const char * const bench_needs[] = {
  "a good bookkeeper", "an employment lawyer", "a web designer who knows Shopify",
  "introductions to hotel managers", "a commercial printer", "a Spanish translator",
  "an architect for the extension", "a photographer for the catalogue",
  "IT security advice", "a mortgage broker", "a caterer for 200 guests",
  "a recruiter for developers", "solar panels quote", "a courier for same-day deliveries", NULL
};

const char * const bench_details[] = {
  "Kids are starting school in September.", "Just back from holiday in Crete.",
  "Prefers email over phone.", "Recommended the book Give and Take.",
  "Their biggest client is Northwind Logistics.", "Mentioned a knee operation in March.",
  "Very interested in sustainability.", "Wants to meet again after the summer.",
  "Asked about my own business, listened well.", "Has a dog called Biscuit.",
  "Is on the board of the local theatre.", "Travelling a lot for work this quarter.",
  "Moved house recently.", "Grew up in Porto, speaks Portuguese.",
  "Celebrating ten years in business.", "Their co-founder is leaving.",
  "Looking for speakers for their event.", "Big fan of the Lakers.", NULL
};

const char * const bench_foreign_sentences[] = {
  "Reunión sobre la ampliación del local en Valencia.",
  "Gespräch über die Nachfolge im Familienbetrieb in München.",
  "Rendez-vous au salon de Lyon, très intéressée par une collaboration.",
  "Встреча на конференции в Казани, обсуждали экспорт.",
  "Κουβέντα για την επέκταση στη Θεσσαλονίκη.",
  "在上海的展会上认识，讨论了出口业务。",
  "東京の展示会で会いました。来月また連絡します。",
  "ناقشنا التوسع في دبي والتعاون في المشاريع.",
  "Spotkanie w Krakowie w sprawie nowej drukarni.",
  "Conversa sobre o novo armazém no Porto.",
  "İstanbul'daki fuarda tanıştık, ihracat konuştuk.", NULL
};

const char * const bench_event_names[] = {
  "BNI Riverside breakfast", "Chamber of Commerce mixer", "Founders' Meetup",
  "Web Summit", "Women in Business lunch", "Rotary dinner", "Trade fair Hannover",
  "Small Business Expo", "Tech Talks", "Charity gala", "Startup Weekend",
  "Marketing Day", "Export Forum", NULL
};

/* Words that appear in entries, for the search queries. */
const char * const bench_note_words[] = {
  "valencia", "bookkeeper", "bakery", "succession", "hannover", "wedding",
  "cloud", "rebrand", "export", "dental", "solar", "kickstarter", "podcast",
  "mentoring", "grant", "office move", "buy-out", "developers", "gdpr", "gala",
  "newsletter", "franchise", "university", "warehouse", "webinar", "sponsorship",
  "switching banks", "lisbon", "cybersecurity", "apprenticeship", "refit",
  "catering", "christmas", "crete", "biscuit", "theatre", "porto", "lakers",
  "sustainability", "shopify", "translator", "mortgage", "photographer",
  "architect", "cash flow", "planning permission", "energy prices", "marathon",
  "cookbook", "baltic", "münchen", "lyon", "экспорт", "上海", "東京",
  "krakowie", "subcontractors", "courier", "paid on time", "caterer", NULL
};

const guint bench_n_cultures = G_N_ELEMENTS (bench_cultures);
const guint bench_n_trades = G_N_ELEMENTS (bench_trades);
