"""Reference tables for the held-out population: places, networks, names, schools, jobs.

Written for this benchmark from general knowledge of real applicants and from the public
sources in ``shared/data/dprk/SOURCES.md``; nothing here is taken from ``hireguard.synth``.
IP prefixes were checked once against the GeoLite2 snapshot the pipeline uses (residential
ISPs geolocate to the country named; hosting prefixes carry the owner named).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class City:
    name: str
    region: str
    tz: str
    postal: str  # pattern: 9 = digit, A = letter


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    cities: tuple[City, ...]
    ip_prefixes: tuple[str, ...]  # residential/mobile ISPs
    langs: tuple[str, ...]  # navigator.languages of a local
    low_cost_share: float  # share of applicants on cheap laptops (income, not risk)
    schools: tuple[str, ...]


def _c(name: str, region: str, tz: str, postal: str) -> City:
    return City(name, region, tz, postal)


COUNTRIES: dict[str, Country] = {
    c.code: c
    for c in (
        Country(
            "US",
            (
                _c("Los Angeles", "CA", "America/Los_Angeles", "99999"),
                _c("San Jose", "CA", "America/Los_Angeles", "99999"),
                _c("Seattle", "WA", "America/Los_Angeles", "99999"),
                _c("Austin", "TX", "America/Chicago", "99999"),
                _c("Houston", "TX", "America/Chicago", "99999"),
                _c("Chicago", "IL", "America/Chicago", "99999"),
                _c("Denver", "CO", "America/Denver", "99999"),
                _c("Phoenix", "AZ", "America/Phoenix", "99999"),
                _c("New York", "NY", "America/New_York", "99999"),
                _c("Fort Lee", "NJ", "America/New_York", "99999"),
                _c("Atlanta", "GA", "America/New_York", "99999"),
                _c("Miami", "FL", "America/New_York", "99999"),
                _c("Boston", "MA", "America/New_York", "99999"),
                _c("Dearborn", "MI", "America/Detroit", "99999"),
                _c("Nashville", "TN", "America/Chicago", "99999"),
                _c("Annandale", "VA", "America/New_York", "99999"),
            ),
            ("73", "98.210", "24.4", "71.190", "108.48", "67.180", "76.100", "99.50"),
            ("en-US",),
            0.10,
            (
                "University of Texas at Austin",
                "UCLA",
                "Georgia Institute of Technology",
                "Arizona State University",
                "University of Michigan",
                "Rutgers University",
                "University of Washington",
                "San Jose State University",
                "Florida International University",
                "Purdue University",
            ),
        ),
        Country(
            "CA",
            (
                _c("Toronto", "ON", "America/Toronto", "A9A 9A9"),
                _c("Vancouver", "BC", "America/Vancouver", "A9A 9A9"),
                _c("Montreal", "QC", "America/Toronto", "A9A 9A9"),
            ),
            ("24.114", "70.48", "142.112", "174.88"),
            ("en-CA",),
            0.10,
            ("University of Toronto", "University of Waterloo", "UBC", "McGill University"),
        ),
        Country(
            "GB",
            (
                _c("London", "England", "Europe/London", "AA9 9AA"),
                _c("Manchester", "England", "Europe/London", "A9 9AA"),
                _c("Leeds", "England", "Europe/London", "AA9 9AA"),
            ),
            ("86.3", "2.96", "81.100", "92.40"),
            ("en-GB",),
            0.12,
            ("University of Manchester", "University of Leeds", "King's College London"),
        ),
        Country(
            "DE",
            (
                _c("Berlin", "BE", "Europe/Berlin", "99999"),
                _c("Munich", "BY", "Europe/Berlin", "99999"),
            ),
            ("84.150", "91.60", "79.200", "93.200"),
            ("de-DE", "en-US"),
            0.10,
            ("TU München", "Humboldt-Universität zu Berlin", "KIT Karlsruhe"),
        ),
        Country(
            "FR",
            (_c("Paris", "IDF", "Europe/Paris", "75999"), _c("Lyon", "ARA", "Europe/Paris", "69999")),
            ("90.10", "86.200", "82.120"),
            ("fr-FR", "en-US"),
            0.12,
            ("Sorbonne Université", "INSA Lyon", "École Polytechnique"),
        ),
        Country(
            "ES",
            (_c("Madrid", "MD", "Europe/Madrid", "28999"), _c("Valencia", "VC", "Europe/Madrid", "46999")),
            ("2.136", "83.40", "88.20"),
            ("es-ES", "en-US"),
            0.18,
            ("Universidad Politécnica de Madrid", "Universitat de València"),
        ),
        Country(
            "IT",
            (_c("Milan", "MI", "Europe/Rome", "20999"), _c("Rome", "RM", "Europe/Rome", "00999")),
            ("93.36", "151.20", "79.20"),
            ("it-IT", "en-US"),
            0.18,
            ("Politecnico di Milano", "Sapienza Università di Roma"),
        ),
        Country(
            "PL",
            (_c("Warsaw", "MZ", "Europe/Warsaw", "99-999"), _c("Kraków", "MA", "Europe/Warsaw", "99-999")),
            ("5.173", "83.20", "89.64"),
            ("pl-PL", "en-US"),
            0.25,
            ("Warsaw University of Technology", "AGH University of Krakow"),
        ),
        Country(
            "UA",
            (_c("Kyiv", "Kyiv", "Europe/Kyiv", "99999"), _c("Lviv", "Lviv", "Europe/Kyiv", "79999")),
            ("46.200", "37.73", "176.36"),
            ("uk-UA", "ru-RU", "en-US"),
            0.40,
            ("Kyiv Polytechnic Institute", "Lviv Polytechnic National University"),
        ),
        Country(
            "RO",
            (_c("Bucharest", "B", "Europe/Bucharest", "999999"), _c("Cluj-Napoca", "CJ", "Europe/Bucharest", "999999")),
            ("79.114", "86.120", "188.24"),
            ("ro-RO", "en-US"),
            0.30,
            ("Politehnica University of Bucharest", "Babeș-Bolyai University"),
        ),
        Country(
            "RU",
            (_c("Moscow", "MOW", "Europe/Moscow", "999999"), _c("Novosibirsk", "NVS", "Asia/Novosibirsk", "630999")),
            ("5.18", "95.24", "188.32", "94.25"),
            ("ru-RU", "en-US"),
            0.40,
            ("Moscow State University", "Novosibirsk State University", "ITMO University"),
        ),
        Country(
            "KR",
            (
                _c("Seoul", "Seoul", "Asia/Seoul", "99999"),
                _c("Busan", "Busan", "Asia/Seoul", "99999"),
                _c("Seongnam", "Gyeonggi", "Asia/Seoul", "99999"),
            ),
            ("121.134", "211.234", "175.223", "58.120"),
            ("ko-KR", "en-US"),
            0.08,
            ("Seoul National University", "KAIST", "Korea University", "Yonsei University", "Hanyang University"),
        ),
        Country(
            "JP",
            (_c("Tokyo", "Tokyo", "Asia/Tokyo", "999-9999"), _c("Osaka", "Osaka", "Asia/Tokyo", "999-9999")),
            ("126.1", "60.100", "153.200"),
            ("ja-JP", "en-US"),
            0.10,
            ("University of Tokyo", "Osaka University", "Waseda University", "Keio University"),
        ),
        Country(
            "CN",
            (
                _c("Shanghai", "SH", "Asia/Shanghai", "200999"),
                _c("Shenzhen", "GD", "Asia/Shanghai", "518999"),
                _c("Shenyang", "LN", "Asia/Shanghai", "110999"),
                _c("Chengdu", "SC", "Asia/Shanghai", "610999"),
            ),
            ("114.85", "36.110", "183.14", "113.100", "222.190"),
            ("zh-CN", "zh", "en-US"),
            0.30,
            ("Tsinghua University", "Zhejiang University", "Fudan University", "Northeastern University (China)"),
        ),
        Country(
            "TW",
            (_c("Taipei", "TPE", "Asia/Taipei", "999"),),
            ("1.160", "114.32", "36.224"),
            ("zh-TW", "en-US"),
            0.12,
            ("National Taiwan University", "National Tsing Hua University"),
        ),
        Country(
            "HK",
            (_c("Hong Kong", "HK", "Asia/Hong_Kong", ""),),
            ("112.118", "219.76", "58.176"),
            ("zh-HK", "en-HK"),
            0.12,
            ("HKUST", "University of Hong Kong"),
        ),
        Country(
            "VN",
            (_c("Hanoi", "HN", "Asia/Ho_Chi_Minh", "999999"), _c("Ho Chi Minh City", "SG", "Asia/Ho_Chi_Minh", "999999")),
            ("113.161", "14.161", "27.72", "171.224"),
            ("vi-VN", "en-US"),
            0.45,
            ("Hanoi University of Science and Technology", "Ho Chi Minh City University of Technology"),
        ),
        Country(
            "SG",
            (_c("Singapore", "SG", "Asia/Singapore", "999999"),),
            ("116.88", "118.200"),
            ("en-SG", "zh-SG"),
            0.08,
            ("National University of Singapore", "Nanyang Technological University"),
        ),
        Country(
            "MY",
            (_c("Kuala Lumpur", "KUL", "Asia/Kuala_Lumpur", "99999"),),
            ("175.139", "115.132", "60.48"),
            ("en-MY", "ms-MY"),
            0.35,
            ("Universiti Malaya", "Universiti Teknologi Malaysia"),
        ),
        Country(
            "TH",
            (_c("Bangkok", "BKK", "Asia/Bangkok", "99999"),),
            ("171.96", "184.22", "49.228"),
            ("th-TH", "en-US"),
            0.40,
            ("Chulalongkorn University", "King Mongkut's University of Technology Thonburi"),
        ),
        Country(
            "PH",
            (_c("Manila", "NCR", "Asia/Manila", "9999"), _c("Cebu City", "CEB", "Asia/Manila", "9999")),
            ("112.198", "120.28", "49.145"),
            ("en-PH", "fil-PH"),
            0.50,
            ("University of the Philippines Diliman", "Ateneo de Manila University"),
        ),
        Country(
            "IN",
            (
                _c("Bengaluru", "KA", "Asia/Kolkata", "560999"),
                _c("Hyderabad", "TG", "Asia/Kolkata", "500999"),
                _c("Pune", "MH", "Asia/Kolkata", "411999"),
            ),
            ("49.204", "117.200", "122.170"),
            ("en-IN", "hi-IN"),
            0.45,
            ("IIT Bombay", "BITS Pilani", "VIT Vellore", "Anna University", "NIT Trichy"),
        ),
        Country(
            "NG",
            (_c("Lagos", "LA", "Africa/Lagos", "999999"), _c("Abuja", "FC", "Africa/Lagos", "999999")),
            ("197.210", "105.112"),
            ("en-NG", "en-US"),
            0.60,
            ("University of Lagos", "Obafemi Awolowo University", "Covenant University"),
        ),
        Country(
            "EG",
            (_c("Cairo", "C", "Africa/Cairo", "99999"), _c("Alexandria", "ALX", "Africa/Cairo", "99999")),
            ("41.40", "156.200", "197.40"),
            ("ar-EG", "en-US"),
            0.55,
            ("Cairo University", "Ain Shams University", "Alexandria University"),
        ),
        Country(
            "AE",
            (_c("Dubai", "DU", "Asia/Dubai", ""), _c("Abu Dhabi", "AZ", "Asia/Dubai", "")),
            ("94.200", "5.30", "86.96"),
            ("en-US", "ar-AE"),
            0.10,
            ("American University of Sharjah", "Khalifa University"),
        ),
        Country(
            "JO",
            (_c("Amman", "AM", "Asia/Amman", "99999"),),
            ("176.29",),
            ("ar-JO", "en-US"),
            0.50,
            ("University of Jordan", "Princess Sumaya University for Technology"),
        ),
        Country(
            "MX",
            (_c("Mexico City", "CMX", "America/Mexico_City", "99999"), _c("Guadalajara", "JAL", "America/Mexico_City", "44999")),
            ("189.200", "187.140"),
            ("es-MX", "en-US"),
            0.40,
            ("UNAM", "Tecnológico de Monterrey", "Universidad de Guadalajara"),
        ),
        Country(
            "BR",
            (_c("São Paulo", "SP", "America/Sao_Paulo", "99999-999"), _c("Recife", "PE", "America/Recife", "99999-999")),
            ("187.10", "177.100", "191.200"),
            ("pt-BR", "en-US"),
            0.40,
            ("Universidade de São Paulo", "UNICAMP", "UFPE"),
        ),
        Country(
            "AR",
            (_c("Buenos Aires", "C", "America/Argentina/Buenos_Aires", "A9999AAA"),),
            ("181.44", "190.190"),
            ("es-AR", "en-US"),
            0.40,
            ("Universidad de Buenos Aires", "ITBA"),
        ),
        Country(
            "CO",
            (_c("Bogotá", "DC", "America/Bogota", "999999"), _c("Medellín", "ANT", "America/Bogota", "999999")),
            ("181.50", "190.24"),
            ("es-CO", "en-US"),
            0.45,
            ("Universidad de los Andes", "Universidad Nacional de Colombia"),
        ),
        Country(
            "AU",
            (_c("Sydney", "NSW", "Australia/Sydney", "2999"), _c("Melbourne", "VIC", "Australia/Melbourne", "3999")),
            ("110.20", "1.120"),
            ("en-AU",),
            0.10,
            ("University of Sydney", "University of Melbourne"),
        ),
    )
}

# Hosting / commercial-VPN address space (owner named by GeoLite2). "listed": owners in
# HireGuard's hosting table; "unlisted": small hosting/VPN resellers it does not know.
VPN_LISTED = ("159.89", "167.99", "138.197", "51.68", "45.32", "45.76", "172.104", "146.70", "23.94", "192.3")
VPN_UNLISTED = ("107.150", "155.94", "198.23")
# Privacy relays of ordinary phones and laptops (Cloudflare WARP, iCloud Private Relay).
RELAY = ("104.28", "172.226")

# Where DPRK IT workers sit, per GTIG25, SOPH25, SEAL, ADV22: China (Shenyang, Dandong,
# Yanji), Russia (Vladivostok), Laos and SE Asia.
OPERATOR_BASES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("CN", "Asia/Shanghai", ("114.85", "36.110", "183.14", "113.100", "222.190")),
    ("CN", "Asia/Shanghai", ("114.85", "183.14")),
    ("CN", "Asia/Shanghai", ("222.190",)),
    ("RU", "Asia/Vladivostok", ("5.18", "95.24", "188.32")),
    ("TH", "Asia/Bangkok", ("171.96", "184.22")),
    ("VN", "Asia/Ho_Chi_Minh", ("113.161", "27.72")),
    ("HK", "Asia/Hong_Kong", ("112.118", "58.176")),
)

# Countries the personas claim (GTIG25, SOPH25: US and Japan first; Europe since 2024-25).
CLAIMED: tuple[tuple[str, float], ...] = (
    ("US", 0.62),
    ("JP", 0.07),
    ("GB", 0.05),
    ("DE", 0.04),
    ("IT", 0.04),
    ("PL", 0.04),
    ("UA", 0.04),
    ("CA", 0.03),
    ("SG", 0.03),
    ("VN", 0.02),
    ("MY", 0.02),
)

# ---------------------------------------------------------------------- names (group -> ...)
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "anglo": (
        ("James", "Emily", "Michael", "Sarah", "David", "Jessica", "Ryan", "Ashley", "Kevin",
         "Lauren", "Brian", "Megan", "Tyler", "Rachel", "Jordan", "Hannah", "Eric", "Nicole",
         "Dana", "Chris", "Elizabeth", "Matthew", "Amanda", "Scott", "Katherine"),
        ("Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson",
         "Anderson", "Taylor", "Moore", "Martin", "Thompson", "White", "Harris", "Clark",
         "Lewis", "Walker", "Hall", "Young", "Allen", "Wright", "Baker", "Carter", "Whitaker"),
    ),
    "korean": (
        ("Ji-woo", "Min-jun", "Seo-yeon", "Sang-nam", "Hyun-woo", "Eun-ji", "Young-ho",
         "Jae-won", "Sung-min", "Hye-jin", "Dong-hyun", "Myung-chul", "Kyung-soo", "Jin-young",
         "Soo-ah", "Tae-yang", "Kum-hyok", "Chol-min", "Yoon-seo", "Ha-eun"),
        ("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han",
         "Shin", "Seo", "Kwon", "Hwang", "Ahn", "Song", "Oh", "Pak", "Ri"),
    ),
    "chinese": (
        ("Wei", "Fang", "Jing", "Lei", "Yang", "Jun", "Xiaoming", "Yuxuan", "Zihan", "Haoran",
         "Mingyu", "Jiahui", "Xin", "Tao", "Hao", "Yan", "Chen", "Li Na", "Zhiwei", "Yuze"),
        ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu",
         "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Tong"),
    ),
    "japanese": (
        ("Haruto", "Yui", "Sota", "Hina", "Ren", "Aoi", "Takumi", "Yuki", "Kenji", "Akiko",
         "Daiki", "Sakura", "Hiroshi", "Naoko"),
        ("Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura",
         "Kobayashi", "Kato", "Yoshida", "Yamada"),
    ),
    "vietnamese": (
        ("Minh", "Anh", "Linh", "Huy", "Thao", "Quang", "Duc", "Trang", "Tuan", "Hoa", "Khanh",
         "Phuong"),
        ("Nguyen", "Tran", "Le", "Pham", "Hoang", "Phan", "Vu", "Dang", "Bui", "Do"),
    ),
    "arabic": (
        ("Mohammed", "Ahmed", "Omar", "Ali", "Youssef", "Khalid", "Fatima", "Aisha", "Layla",
         "Hassan", "Ibrahim", "Mariam", "Nour", "Abdullah", "Tariq", "Yasmin", "Hamza", "Salma"),
        ("Al-Sayed", "Haddad", "Khalil", "Hussein", "Abdullah", "Mansour", "Nasser", "Saleh",
         "Hamdan", "El-Masri", "Farouk", "Rahman", "Aziz", "Al-Amin", "Ibrahim", "Jaber"),
    ),
    "hispanic": (
        ("José", "María", "Juan", "Carlos", "Luis", "Ana", "Sofía", "Diego", "Valentina",
         "Javier", "Camila", "Alejandro", "Guadalupe", "Miguel", "Lucía"),
        ("García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez",
         "Sánchez", "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Morales"),
    ),
    "east_european": (
        ("Oleksandr", "Dmytro", "Andriy", "Olena", "Iryna", "Ivan", "Sergei", "Natalia",
         "Piotr", "Katarzyna", "Tomasz", "Mihai", "Andrei", "Ioana", "Yulia", "Maksym"),
        ("Kovalenko", "Shevchenko", "Bondarenko", "Didenko", "Ivanov", "Petrov", "Smirnov",
         "Nowak", "Kowalski", "Wiśniewski", "Popescu", "Ionescu", "Horvat", "Melnyk",
         "Kuznetsova", "Volkov"),
    ),
    "south_asian": (
        ("Rahul", "Priya", "Amit", "Sneha", "Arjun", "Ananya", "Vikram", "Deepa", "Sanjay",
         "Kavya", "Rohan", "Imran", "Fatima", "Nikhil", "Pooja"),
        ("Sharma", "Patel", "Singh", "Kumar", "Gupta", "Reddy", "Iyer", "Nair", "Khan",
         "Chowdhury", "Mehta", "Das", "Joshi", "Rao"),
    ),
    "west_african": (
        ("Chinedu", "Ngozi", "Oluwaseun", "Adebayo", "Kwame", "Ama", "Emeka", "Funmilayo",
         "Kofi", "Aminata", "Tunde", "Chiamaka", "Ibrahim", "Fatou"),
        ("Okafor", "Adeyemi", "Okonkwo", "Mensah", "Balogun", "Eze", "Diallo", "Owusu",
         "Nwosu", "Bello", "Afolabi", "Obi"),
    ),
    "west_european": (
        ("Lukas", "Anna", "Marco", "Giulia", "Pierre", "Camille", "Jan", "Sophie", "Luca",
         "Elena", "Felix", "Chiara", "Thomas", "Léa"),
        ("Müller", "Schmidt", "Rossi", "Bianchi", "Dubois", "Martin", "Moreau", "Ferrari",
         "Schneider", "Fischer", "Romano", "Lefèvre", "Weber", "Colombo"),
    ),
}

# Honest population: where each name-origin group lives (immigration is ordinary).
HOMES: dict[str, tuple[tuple[str, float], ...]] = {
    "anglo": (("US", 0.72), ("GB", 0.14), ("CA", 0.08), ("AU", 0.06)),
    "korean": (("KR", 0.45), ("US", 0.40), ("CA", 0.06), ("JP", 0.03), ("DE", 0.03), ("AU", 0.03)),
    "chinese": (("US", 0.28), ("CN", 0.25), ("SG", 0.10), ("CA", 0.10), ("TW", 0.08), ("HK", 0.07), ("MY", 0.06), ("GB", 0.06)),
    "japanese": (("JP", 0.72), ("US", 0.25), ("DE", 0.03)),
    "vietnamese": (("VN", 0.50), ("US", 0.38), ("AU", 0.06), ("CA", 0.06)),
    "arabic": (("AE", 0.18), ("EG", 0.20), ("JO", 0.10), ("US", 0.27), ("GB", 0.10), ("DE", 0.10), ("CA", 0.05)),
    "hispanic": (("US", 0.45), ("MX", 0.20), ("ES", 0.12), ("CO", 0.09), ("AR", 0.08), ("BR", 0.06)),
    "east_european": (("UA", 0.22), ("PL", 0.24), ("RO", 0.14), ("RU", 0.06), ("US", 0.16), ("DE", 0.10), ("GB", 0.08)),
    "south_asian": (("IN", 0.50), ("US", 0.30), ("GB", 0.10), ("CA", 0.05), ("AE", 0.05)),
    "west_african": (("NG", 0.45), ("GB", 0.20), ("US", 0.25), ("CA", 0.10)),
    "west_european": (("DE", 0.30), ("FR", 0.25), ("IT", 0.20), ("ES", 0.05), ("GB", 0.10), ("US", 0.10)),
}
# Where a group's schools are when the person studied in the country of origin.
ORIGIN: dict[str, tuple[str, ...]] = {
    "anglo": ("US", "GB"),
    "korean": ("KR",),
    "chinese": ("CN", "TW", "HK"),
    "japanese": ("JP",),
    "vietnamese": ("VN",),
    "arabic": ("EG", "JO", "AE"),
    "hispanic": ("MX", "CO", "ES", "AR"),
    "east_european": ("UA", "PL", "RO", "RU"),
    "south_asian": ("IN",),
    "west_african": ("NG",),
    "west_european": ("DE", "FR", "IT"),
}
HONEST_GROUP_SHARE: tuple[tuple[str, float], ...] = (
    ("anglo", 0.20), ("korean", 0.10), ("chinese", 0.10), ("japanese", 0.05),
    ("vietnamese", 0.05), ("arabic", 0.09), ("hispanic", 0.11), ("east_european", 0.09),
    ("south_asian", 0.10), ("west_african", 0.05), ("west_european", 0.06),
)
# Persona names follow the identity claimed (stolen US identities, JP/EU personas).
FRAUD_GROUP_BY_CLAIM: dict[str, tuple[tuple[str, float], ...]] = {
    "US": (("anglo", 0.70), ("hispanic", 0.10), ("chinese", 0.06), ("east_european", 0.05), ("south_asian", 0.04), ("vietnamese", 0.03), ("korean", 0.02)),
    "CA": (("anglo", 0.80), ("chinese", 0.20)),
    "JP": (("japanese", 0.85), ("chinese", 0.15)),
    "GB": (("anglo", 0.85), ("east_european", 0.15)),
    "DE": (("west_european", 0.7), ("east_european", 0.3)),
    "IT": (("west_european", 1.0),),
    "PL": (("east_european", 1.0),),
    "UA": (("east_european", 1.0),),
    "SG": (("chinese", 1.0),),
    "VN": (("vietnamese", 1.0),),
    "MY": (("chinese", 0.7), ("south_asian", 0.3)),
}
HANGUL = {"Kim": "김", "Lee": "이", "Park": "박", "Choi": "최", "Jung": "정", "Kang": "강",
          "Cho": "조", "Yoon": "윤", "Jang": "장", "Lim": "임", "Han": "한", "Song": "송"}
HANZI = {"Wang": "王", "Li": "李", "Zhang": "张", "Liu": "刘", "Chen": "陈", "Yang": "杨",
         "Huang": "黄", "Zhao": "赵", "Wu": "吴", "Zhou": "周"}
ENGLISH_NICKNAMES = ("Kevin", "Jenny", "David", "Grace", "Eric", "Tony", "Amy", "Daniel", "Helen", "Jason")

# ------------------------------------------------------------------------ jobs and resumes
TECH_ROLES: dict[str, tuple[str, ...]] = {
    "Backend Engineer": ("Python", "Go", "PostgreSQL", "Kafka", "Redis", "gRPC", "AWS", "Docker"),
    "Frontend Developer": ("TypeScript", "React", "Next.js", "CSS", "GraphQL", "Vite", "Jest"),
    "Full Stack Developer": ("JavaScript", "Node.js", "React", "MongoDB", "Express", "AWS"),
    "Mobile Developer": ("Swift", "Kotlin", "Flutter", "React Native", "Firebase"),
    "Data Engineer": ("Python", "Spark", "Airflow", "dbt", "Snowflake", "SQL", "Kafka"),
    "DevOps Engineer": ("Kubernetes", "Terraform", "AWS", "Ansible", "Prometheus", "Linux"),
    "Blockchain Developer": ("Solidity", "Rust", "Web3.js", "Hardhat", "Ethereum", "TypeScript"),
    "Machine Learning Engineer": ("Python", "PyTorch", "TensorFlow", "MLflow", "SQL"),
    "QA Automation Engineer": ("Selenium", "Cypress", "Playwright", "Java", "Python"),
    "Security Analyst": ("SIEM", "Splunk", "Python", "incident response", "AWS"),
}
# Non-tech remote roles, targeted since 2025 (SOPH25, OKTA25).
NONTECH_ROLES: dict[str, tuple[str, ...]] = {
    "Remote Accountant": ("QuickBooks", "NetSuite", "Excel", "reconciliation", "GAAP"),
    "Medical Billing Specialist": ("ICD-10", "Epic", "claims", "HIPAA", "CPT coding"),
    "Customer Support Specialist": ("Zendesk", "Salesforce", "live chat", "ticketing"),
    "Financial Analyst": ("Excel", "SQL", "forecasting", "Tableau", "FP&A"),
    "Technical Recruiter": ("LinkedIn Recruiter", "Greenhouse", "sourcing"),
}
# Roles an Amazon report (seed) and the issue name as covers: real jobs too.
COVER_ROLES = ("Remote Data-Centre Operator", "Crypto-Mining Technician", "Software-Testing Specialist")
NONDEV_PAST = ("Accountant", "Teacher", "Sales Associate", "Nurse", "Logistics Coordinator",
               "Barista", "Civil Engineer", "Paralegal", "Retail Manager", "Musician")

EMPLOYER_A = ("Blue", "North", "Bright", "Silver", "Cedar", "Harbor", "Summit", "Quantum",
              "Atlas", "Nimbus", "Vertex", "Pioneer", "Lumen", "Orbit", "Coral", "Granite")
EMPLOYER_B = ("Analytics", "Labs", "Systems", "Software", "Health", "Logistics", "Media",
              "Payments", "Robotics", "Networks", "Retail", "Capital", "Games", "Cloud")
EMPLOYER_C = ("Inc.", "LLC", "GmbH", "Ltd", "Co.", "S.A.", "Corp.", "")
BIG_EMPLOYERS = ("Amazon", "Microsoft", "Samsung SDS", "Naver", "Kakao", "Alibaba", "Tencent",
                 "Infosys", "TCS", "Accenture", "EPAM Systems", "Globant", "SAP", "Rakuten",
                 "Shopify", "Grab", "Mercado Libre", "Andela", "Toptal", "Upwork (freelance)")
