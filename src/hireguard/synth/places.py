"""Where synthetic applicants live: countries, cities, streets, postal codes, e-mail domains.

Hand-written tables of public facts (city, region, time zone, postal-code shape, telephone
area codes). Street names are common ones, not real addresses of anybody.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class City:
    name: str
    region: str
    tz: str
    postal: str  # '#' a digit, '@' an upper-case letter, other characters as they are
    area_codes: tuple[str, ...] = ()  # US/CA only: numbering-plan area codes of the city
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    locale: str  # main browser language tag
    keyboard: str
    cities: tuple[City, ...]
    streets: tuple[str, ...]
    street_style: str  # us, eu, uk, jp, kr, cn, in, latam, ru
    email_domains: tuple[tuple[str, float], ...]
    second_locales: tuple[str, ...] = ()  # other languages people there often add


_GLOBAL_MAIL = (
    ("gmail.com", 60.0),
    ("outlook.com", 8.0),
    ("yahoo.com", 5.0),
    ("hotmail.com", 4.0),
    ("proton.me", 2.5),
    ("icloud.com", 4.0),
)


def _mail(*local: tuple[str, float]) -> tuple[tuple[str, float], ...]:
    return _GLOBAL_MAIL + tuple(local)


US_STREETS = (
    "Maple Ave",
    "Oak St",
    "Pine St",
    "Cedar Ln",
    "Elm St",
    "Washington Ave",
    "Lake Dr",
    "Hillcrest Rd",
    "Park Ave",
    "Main St",
    "2nd St",
    "3rd Ave",
    "Sunset Blvd",
    "Highland Ave",
    "Willow Way",
    "Meadow Ln",
    "Ridge Rd",
    "Lincoln Ave",
    "Jefferson St",
    "Franklin St",
    "Chestnut St",
    "Walnut St",
    "Spring St",
    "Church St",
    "Mill Rd",
    "River Rd",
    "Forest Dr",
    "Grand Ave",
    "Madison Ave",
    "Broadway",
    "Cherry St",
    "Sycamore Dr",
    "Birch Ct",
    "Magnolia Blvd",
    "Dogwood Dr",
    "Valley View Rd",
    "Prospect St",
    "Harrison St",
    "Kingston Pike",
    "Colfax Ave",
    "Wilshire Blvd",
    "Mission St",
    "Peachtree St NE",
    "Commonwealth Ave",
    "Lakeshore Dr",
    "Ocean Ave",
    "Bayview Dr",
    "Avenue F",
)

_US = (
    City("New York", "NY", "America/New_York", "100##", ("212", "646", "917", "332"), 5),
    City("Brooklyn", "NY", "America/New_York", "112##", ("718", "347", "929"), 4),
    City("Jersey City", "NJ", "America/New_York", "073##", ("201", "551"), 1.5),
    City("Newark", "NJ", "America/New_York", "071##", ("973", "862"), 1),
    City("Boston", "MA", "America/New_York", "021##", ("617", "857"), 2.5),
    City("Cambridge", "MA", "America/New_York", "021##", ("617",), 1),
    City("Philadelphia", "PA", "America/New_York", "191##", ("215", "267"), 2.5),
    City("Pittsburgh", "PA", "America/New_York", "152##", ("412",), 1.2),
    City("Washington", "DC", "America/New_York", "200##", ("202",), 1.5),
    City("Arlington", "VA", "America/New_York", "222##", ("703", "571"), 1.5),
    City("Baltimore", "MD", "America/New_York", "212##", ("410", "443"), 1.2),
    City("Raleigh", "NC", "America/New_York", "276##", ("919", "984"), 1.5),
    City("Charlotte", "NC", "America/New_York", "282##", ("704", "980"), 1.5),
    City("Atlanta", "GA", "America/New_York", "303##", ("404", "470", "678"), 2.5),
    City("Miami", "FL", "America/New_York", "331##", ("305", "786"), 2),
    City("Orlando", "FL", "America/New_York", "328##", ("407", "321"), 1.2),
    City("Tampa", "FL", "America/New_York", "336##", ("813",), 1.2),
    City("Columbus", "OH", "America/New_York", "432##", ("614",), 1.2),
    City("Cleveland", "OH", "America/New_York", "441##", ("216",), 0.8),
    City("Detroit", "MI", "America/Detroit", "482##", ("313",), 1),
    City("Ann Arbor", "MI", "America/Detroit", "481##", ("734",), 0.6),
    City("Indianapolis", "IN", "America/Indiana/Indianapolis", "462##", ("317",), 0.8),
    City("Louisville", "KY", "America/Kentucky/Louisville", "402##", ("502",), 0.6),
    City("Hartford", "CT", "America/New_York", "061##", ("860",), 0.6),
    City("Providence", "RI", "America/New_York", "029##", ("401",), 0.5),
    City("Chicago", "IL", "America/Chicago", "606##", ("312", "773", "872"), 4),
    City("Austin", "TX", "America/Chicago", "787##", ("512", "737"), 2.5),
    City("Dallas", "TX", "America/Chicago", "752##", ("214", "469", "972"), 2.5),
    City("Houston", "TX", "America/Chicago", "770##", ("713", "281", "832"), 2.5),
    City("San Antonio", "TX", "America/Chicago", "782##", ("210",), 1.2),
    City("Minneapolis", "MN", "America/Chicago", "554##", ("612",), 1.2),
    City("St. Louis", "MO", "America/Chicago", "631##", ("314",), 0.8),
    City("Kansas City", "MO", "America/Chicago", "641##", ("816",), 0.8),
    City("Nashville", "TN", "America/Chicago", "372##", ("615", "629"), 1.2),
    City("Madison", "WI", "America/Chicago", "537##", ("608",), 0.6),
    City("Milwaukee", "WI", "America/Chicago", "532##", ("414",), 0.6),
    City("New Orleans", "LA", "America/Chicago", "701##", ("504",), 0.5),
    City("Omaha", "NE", "America/Chicago", "681##", ("402",), 0.4),
    City("Denver", "CO", "America/Denver", "802##", ("303", "720"), 2),
    City("Boulder", "CO", "America/Denver", "803##", ("303",), 0.5),
    City("Salt Lake City", "UT", "America/Denver", "841##", ("801", "385"), 1),
    City("Albuquerque", "NM", "America/Denver", "871##", ("505",), 0.5),
    City("Boise", "ID", "America/Boise", "837##", ("208",), 0.4),
    City("Phoenix", "AZ", "America/Phoenix", "850##", ("602", "480", "623"), 2),
    City("Tucson", "AZ", "America/Phoenix", "857##", ("520",), 0.6),
    City("Los Angeles", "CA", "America/Los_Angeles", "900##", ("213", "310", "323", "424"), 4),
    City("San Francisco", "CA", "America/Los_Angeles", "941##", ("415", "628"), 3),
    City("Oakland", "CA", "America/Los_Angeles", "946##", ("510", "341"), 1.2),
    City("San Jose", "CA", "America/Los_Angeles", "951##", ("408", "669"), 2.5),
    City("Sunnyvale", "CA", "America/Los_Angeles", "940##", ("408",), 1),
    City("San Diego", "CA", "America/Los_Angeles", "921##", ("619", "858"), 2),
    City("Irvine", "CA", "America/Los_Angeles", "926##", ("949",), 1.2),
    City("Sacramento", "CA", "America/Los_Angeles", "958##", ("916",), 1),
    City("Seattle", "WA", "America/Los_Angeles", "981##", ("206",), 3),
    City("Bellevue", "WA", "America/Los_Angeles", "980##", ("425",), 1.2),
    City("Portland", "OR", "America/Los_Angeles", "972##", ("503", "971"), 1.5),
    City("Las Vegas", "NV", "America/Los_Angeles", "891##", ("702", "725"), 1),
    City("Anchorage", "AK", "America/Anchorage", "995##", ("907",), 0.2),
    City("Honolulu", "HI", "Pacific/Honolulu", "968##", ("808",), 0.3),
)

_CA = (
    City("Toronto", "ON", "America/Toronto", "M#@ #@#", ("416", "647", "437"), 4),
    City("Mississauga", "ON", "America/Toronto", "L#@ #@#", ("905", "289"), 1.5),
    City("Ottawa", "ON", "America/Toronto", "K#@ #@#", ("613", "343"), 1.5),
    City("Waterloo", "ON", "America/Toronto", "N#@ #@#", ("519", "226"), 1),
    City("Montréal", "QC", "America/Toronto", "H#@ #@#", ("514", "438"), 2.5),
    City("Québec", "QC", "America/Toronto", "G#@ #@#", ("418", "581"), 0.8),
    City("Vancouver", "BC", "America/Vancouver", "V#@ #@#", ("604", "778", "236"), 2.5),
    City("Victoria", "BC", "America/Vancouver", "V#@ #@#", ("250",), 0.5),
    City("Calgary", "AB", "America/Edmonton", "T#@ #@#", ("403", "587"), 1.5),
    City("Edmonton", "AB", "America/Edmonton", "T#@ #@#", ("780", "587"), 1),
    City("Winnipeg", "MB", "America/Winnipeg", "R#@ #@#", ("204",), 0.7),
    City("Halifax", "NS", "America/Halifax", "B#@ #@#", ("902",), 0.5),
)

COUNTRIES: dict[str, Country] = {
    "US": Country(
        "US",
        "en-US",
        "en-US",
        _US,
        US_STREETS,
        "us",
        _mail(("aol.com", 1.0), ("fastmail.com", 0.8), ("comcast.net", 0.8)),
    ),
    "CA": Country(
        "CA",
        "en-CA",
        "en-US",
        _CA,
        (
            "Yonge St",
            "Queen St W",
            "King St E",
            "Bloor St W",
            "Rue Saint-Denis",
            "Rue Sherbrooke O",
            "Boul. Saint-Laurent",
            "Granville St",
            "Kingsway",
            "Jasper Ave",
            "17 Ave SW",
            "Spadina Ave",
            "Dundas St W",
            "Rue Ontario E",
            "Portage Ave",
            "Robson St",
        ),
        "us",
        _mail(("yahoo.ca", 2.0), ("videotron.ca", 0.5), ("shaw.ca", 0.5)),
        ("fr-CA",),
    ),
    "GB": Country(
        "GB",
        "en-GB",
        "en-GB",
        (
            City("London", "Greater London", "Europe/London", "E# #@@", weight=4),
            City("London", "Greater London", "Europe/London", "SW## #@@", weight=2),
            City("Manchester", "Greater Manchester", "Europe/London", "M## #@@"),
            City("Birmingham", "West Midlands", "Europe/London", "B## #@@"),
            City("Leeds", "West Yorkshire", "Europe/London", "LS# #@@"),
            City("Bristol", "Bristol", "Europe/London", "BS# #@@"),
            City("Edinburgh", "Scotland", "Europe/London", "EH# #@@"),
            City("Glasgow", "Scotland", "Europe/London", "G## #@@"),
            City("Cambridge", "Cambridgeshire", "Europe/London", "CB# #@@", weight=0.5),
            City("Cardiff", "Wales", "Europe/London", "CF## #@@", weight=0.5),
        ),
        (
            "High Street",
            "Station Road",
            "Church Lane",
            "Victoria Road",
            "Green Lane",
            "Park Road",
            "Manor Road",
            "Kings Road",
            "Queens Road",
            "Mill Lane",
            "London Road",
            "Albert Street",
            "The Crescent",
            "Grange Road",
        ),
        "uk",
        _mail(("btinternet.com", 1.0), ("yahoo.co.uk", 2.0), ("sky.com", 0.5)),
    ),
    "IE": Country(
        "IE",
        "en-IE",
        "en-GB",
        (
            City("Dublin", "Dublin", "Europe/Dublin", "D0# @###", weight=3),
            City("Cork", "Cork", "Europe/Dublin", "T12 @###"),
            City("Galway", "Galway", "Europe/Dublin", "H91 @###", weight=0.5),
        ),
        ("Main Street", "Church Road", "Strand Road", "Patrick Street", "Dame Street"),
        "uk",
        _mail(
            ("eircom.net", 0.5),
        ),
        ("ga-IE",),
    ),
    "DE": Country(
        "DE",
        "de-DE",
        "de-DE",
        (
            City("Berlin", "Berlin", "Europe/Berlin", "10###", weight=4),
            City("München", "Bayern", "Europe/Berlin", "80###", weight=2),
            City("Hamburg", "Hamburg", "Europe/Berlin", "20###", weight=2),
            City("Köln", "Nordrhein-Westfalen", "Europe/Berlin", "50###", weight=1.5),
            City("Frankfurt am Main", "Hessen", "Europe/Berlin", "60###", weight=1.5),
            City("Stuttgart", "Baden-Württemberg", "Europe/Berlin", "70###"),
            City("Leipzig", "Sachsen", "Europe/Berlin", "04###"),
            City("Karlsruhe", "Baden-Württemberg", "Europe/Berlin", "76###", weight=0.6),
        ),
        (
            "Hauptstraße",
            "Bahnhofstraße",
            "Gartenstraße",
            "Schillerstraße",
            "Goethestraße",
            "Lindenstraße",
            "Berliner Straße",
            "Kastanienallee",
            "Schulstraße",
            "Ringstraße",
            "Friedrichstraße",
            "Torstraße",
        ),
        "eu",
        _mail(("web.de", 8.0), ("gmx.de", 8.0), ("t-online.de", 3.0), ("posteo.de", 1.0)),
    ),
    "NL": Country(
        "NL",
        "nl-NL",
        "en-US",
        (
            City("Amsterdam", "Noord-Holland", "Europe/Amsterdam", "10## @@", weight=3),
            City("Rotterdam", "Zuid-Holland", "Europe/Amsterdam", "30## @@"),
            City("Utrecht", "Utrecht", "Europe/Amsterdam", "35## @@"),
            City("Eindhoven", "Noord-Brabant", "Europe/Amsterdam", "56## @@"),
        ),
        ("Kerkstraat", "Dorpsstraat", "Molenweg", "Stationsweg", "Prinsengracht", "Nieuwstraat"),
        "eu",
        _mail(("ziggo.nl", 1.0), ("kpnmail.nl", 0.5)),
        ("en-US",),
    ),
    "FR": Country(
        "FR",
        "fr-FR",
        "fr-FR",
        (
            City("Paris", "Île-de-France", "Europe/Paris", "750##", weight=3),
            City("Lyon", "Auvergne-Rhône-Alpes", "Europe/Paris", "6900#"),
            City("Toulouse", "Occitanie", "Europe/Paris", "3100#"),
            City("Nantes", "Pays de la Loire", "Europe/Paris", "4400#"),
            City("Lille", "Hauts-de-France", "Europe/Paris", "5900#"),
        ),
        (
            "rue de la République",
            "rue Victor Hugo",
            "avenue Jean Jaurès",
            "rue de la Paix",
            "boulevard Voltaire",
            "rue Pasteur",
        ),
        "fr",
        _mail(("orange.fr", 3.0), ("free.fr", 2.0), ("laposte.net", 1.0)),
    ),
    "ES": Country(
        "ES",
        "es-ES",
        "es-ES",
        (
            City("Madrid", "Madrid", "Europe/Madrid", "280##", weight=3),
            City("Barcelona", "Cataluña", "Europe/Madrid", "080##", weight=2),
            City("Valencia", "Comunidad Valenciana", "Europe/Madrid", "460##"),
            City("Sevilla", "Andalucía", "Europe/Madrid", "410##"),
        ),
        ("Calle Mayor", "Calle Real", "Avenida de la Constitución", "Calle del Sol", "Gran Vía"),
        "eu",
        _mail(("yahoo.es", 1.5), ("telefonica.net", 0.5)),
        ("ca-ES",),
    ),
    "IT": Country(
        "IT",
        "it-IT",
        "it-IT",
        (
            City("Milano", "Lombardia", "Europe/Rome", "201##", weight=2),
            City("Roma", "Lazio", "Europe/Rome", "001##", weight=2),
            City("Torino", "Piemonte", "Europe/Rome", "101##"),
            City("Bologna", "Emilia-Romagna", "Europe/Rome", "401##"),
        ),
        ("Via Roma", "Via Garibaldi", "Corso Italia", "Via Dante", "Via Mazzini"),
        "eu",
        _mail(("libero.it", 3.0), ("virgilio.it", 1.0)),
    ),
    "PL": Country(
        "PL",
        "pl-PL",
        "pl-PL",
        (
            City("Warszawa", "mazowieckie", "Europe/Warsaw", "0#-###", weight=3),
            City("Kraków", "małopolskie", "Europe/Warsaw", "3#-###", weight=2),
            City("Wrocław", "dolnośląskie", "Europe/Warsaw", "5#-###", weight=1.5),
            City("Gdańsk", "pomorskie", "Europe/Warsaw", "80-###"),
            City("Poznań", "wielkopolskie", "Europe/Warsaw", "6#-###"),
            City("Łódź", "łódzkie", "Europe/Warsaw", "9#-###"),
        ),
        (
            "ul. Marszałkowska",
            "ul. Długa",
            "ul. Polna",
            "ul. Kościuszki",
            "ul. Mickiewicza",
            "ul. Słowackiego",
            "ul. Lipowa",
            "ul. Ogrodowa",
        ),
        "eu",
        _mail(("wp.pl", 5.0), ("o2.pl", 3.0), ("onet.pl", 3.0), ("interia.pl", 2.0)),
        ("en-US",),
    ),
    "UA": Country(
        "UA",
        "uk-UA",
        "uk-UA",
        (
            City("Kyiv", "Kyiv", "Europe/Kyiv", "0####", weight=4),
            City("Lviv", "Lviv Oblast", "Europe/Kyiv", "79###", weight=2),
            City("Kharkiv", "Kharkiv Oblast", "Europe/Kyiv", "61###", weight=1.5),
            City("Dnipro", "Dnipropetrovsk Oblast", "Europe/Kyiv", "49###"),
            City("Odesa", "Odesa Oblast", "Europe/Kyiv", "65###"),
        ),
        (
            "vul. Shevchenka",
            "vul. Franka",
            "vul. Sadova",
            "prosp. Peremohy",
            "vul. Khreshchatyk",
            "vul. Naukova",
        ),
        "eu",
        _mail(("ukr.net", 8.0), ("i.ua", 1.0)),
        ("ru-RU", "en-US"),
    ),
    "RO": Country(
        "RO",
        "ro-RO",
        "ro-RO",
        (
            City("București", "București", "Europe/Bucharest", "0#####", weight=3),
            City("Cluj-Napoca", "Cluj", "Europe/Bucharest", "400###", weight=1.5),
            City("Iași", "Iași", "Europe/Bucharest", "700###"),
            City("Timișoara", "Timiș", "Europe/Bucharest", "300###"),
        ),
        ("Strada Mihai Eminescu", "Bulevardul Unirii", "Strada Victoriei", "Strada Florilor"),
        "eu",
        _mail(
            ("yahoo.ro", 2.0),
        ),
    ),
    "SE": Country(
        "SE",
        "sv-SE",
        "sv-SE",
        (
            City("Stockholm", "Stockholms län", "Europe/Stockholm", "1## ##", weight=2),
            City("Göteborg", "Västra Götalands län", "Europe/Stockholm", "4## ##"),
            City("Malmö", "Skåne län", "Europe/Stockholm", "2## ##"),
        ),
        ("Storgatan", "Kungsgatan", "Drottninggatan", "Vasagatan"),
        "eu",
        _mail(
            ("telia.com", 0.5),
        ),
        ("en-US",),
    ),
    "IN": Country(
        "IN",
        "en-IN",
        "en-US",
        (
            City("Bengaluru", "Karnataka", "Asia/Kolkata", "560###", weight=4),
            City("Hyderabad", "Telangana", "Asia/Kolkata", "500###", weight=3),
            City("Pune", "Maharashtra", "Asia/Kolkata", "411###", weight=2),
            City("Mumbai", "Maharashtra", "Asia/Kolkata", "400###", weight=2),
            City("Chennai", "Tamil Nadu", "Asia/Kolkata", "600###", weight=2),
            City("New Delhi", "Delhi", "Asia/Kolkata", "110###", weight=2),
            City("Gurugram", "Haryana", "Asia/Kolkata", "122###", weight=1.5),
            City("Noida", "Uttar Pradesh", "Asia/Kolkata", "201###", weight=1.2),
            City("Kochi", "Kerala", "Asia/Kolkata", "682###", weight=0.8),
            City("Ahmedabad", "Gujarat", "Asia/Kolkata", "380###", weight=0.8),
            City("Kolkata", "West Bengal", "Asia/Kolkata", "700###", weight=1),
        ),
        (
            "MG Road",
            "Station Road",
            "Nehru Nagar",
            "Gandhi Road",
            "Sector 18",
            "HSR Layout",
            "Koramangala 5th Block",
            "Banjara Hills Road No. 12",
            "Anna Salai",
            "Baner Road",
        ),
        "in",
        _mail(("rediffmail.com", 2.0), ("yahoo.co.in", 4.0)),
        ("hi-IN",),
    ),
    "PK": Country(
        "PK",
        "en-PK",
        "en-US",
        (
            City("Lahore", "Punjab", "Asia/Karachi", "54###", weight=2),
            City("Karachi", "Sindh", "Asia/Karachi", "7####", weight=2),
            City("Islamabad", "Islamabad Capital Territory", "Asia/Karachi", "44###"),
        ),
        ("Mall Road", "Jinnah Avenue", "Main Boulevard Gulberg", "Shahrah-e-Faisal"),
        "in",
        _mail(),
        ("ur-PK",),
    ),
    "PH": Country(
        "PH",
        "en-PH",
        "en-US",
        (
            City("Quezon City", "Metro Manila", "Asia/Manila", "11##", weight=2),
            City("Makati", "Metro Manila", "Asia/Manila", "12##", weight=2),
            City("Taguig", "Metro Manila", "Asia/Manila", "16##"),
            City("Cebu City", "Cebu", "Asia/Manila", "60##", weight=1.5),
            City("Davao City", "Davao del Sur", "Asia/Manila", "80##"),
        ),
        ("Ayala Ave", "Rizal St", "Mabini St", "Bonifacio St", "Katipunan Ave", "Osmeña Blvd"),
        "us",
        _mail(("yahoo.com.ph", 2.0)),
        ("fil-PH",),
    ),
    "BR": Country(
        "BR",
        "pt-BR",
        "pt-BR",
        (
            City("São Paulo", "SP", "America/Sao_Paulo", "0####-###", weight=4),
            City("Rio de Janeiro", "RJ", "America/Sao_Paulo", "2####-###", weight=2),
            City("Belo Horizonte", "MG", "America/Sao_Paulo", "3####-###"),
            City("Porto Alegre", "RS", "America/Sao_Paulo", "9####-###"),
            City("Florianópolis", "SC", "America/Sao_Paulo", "88###-###"),
            City("Recife", "PE", "America/Recife", "5####-###"),
            City("Curitiba", "PR", "America/Sao_Paulo", "8####-###"),
        ),
        (
            "Rua das Flores",
            "Avenida Paulista",
            "Rua XV de Novembro",
            "Rua Augusta",
            "Avenida Brasil",
            "Rua da Consolação",
        ),
        "latam",
        _mail(("hotmail.com.br", 1.0), ("uol.com.br", 2.0), ("bol.com.br", 1.0)),
    ),
    "MX": Country(
        "MX",
        "es-MX",
        "es-MX",
        (
            City("Ciudad de México", "CDMX", "America/Mexico_City", "0####", weight=4),
            City("Guadalajara", "Jalisco", "America/Mexico_City", "44###", weight=2),
            City("Monterrey", "Nuevo León", "America/Monterrey", "64###", weight=2),
            City("Querétaro", "Querétaro", "America/Mexico_City", "76###"),
            City("Tijuana", "Baja California", "America/Tijuana", "22###"),
        ),
        (
            "Av. Insurgentes Sur",
            "Calle Hidalgo",
            "Av. Reforma",
            "Calle Morelos",
            "Av. Juárez",
            "Calle Zaragoza",
        ),
        "latam",
        _mail(("prodigy.net.mx", 1.0)),
    ),
    "AR": Country(
        "AR",
        "es-AR",
        "es-ES",
        (
            City("Buenos Aires", "CABA", "America/Argentina/Buenos_Aires", "C14##@@@", weight=3),
            City("Córdoba", "Córdoba", "America/Argentina/Cordoba", "X50##@@@"),
            City("Rosario", "Santa Fe", "America/Argentina/Cordoba", "S20##@@@"),
        ),
        ("Av. Corrientes", "Av. Santa Fe", "Calle Florida", "Av. Rivadavia"),
        "latam",
        _mail(("yahoo.com.ar", 2.0)),
    ),
    "CO": Country(
        "CO",
        "es-CO",
        "es-ES",
        (
            City("Bogotá", "Bogotá D.C.", "America/Bogota", "11####", weight=3),
            City("Medellín", "Antioquia", "America/Bogota", "05####", weight=2),
            City("Cali", "Valle del Cauca", "America/Bogota", "76####"),
        ),
        ("Calle 72", "Carrera 7", "Calle 10", "Carrera 43A", "Avenida El Poblado"),
        "latam",
        _mail(),
    ),
    "NG": Country(
        "NG",
        "en-NG",
        "en-US",
        (
            City("Lagos", "Lagos", "Africa/Lagos", "1#####", weight=4),
            City("Abuja", "FCT", "Africa/Lagos", "9#####", weight=2),
            City("Ibadan", "Oyo", "Africa/Lagos", "2#####"),
            City("Port Harcourt", "Rivers", "Africa/Lagos", "5#####"),
            City("Enugu", "Enugu", "Africa/Lagos", "4#####", weight=0.7),
        ),
        (
            "Admiralty Way",
            "Allen Avenue",
            "Adeola Odeku Street",
            "Ahmadu Bello Way",
            "Awolowo Road",
            "Herbert Macaulay Way",
            "Ogui Road",
        ),
        "in",
        _mail(),
    ),
    "KE": Country(
        "KE",
        "en-KE",
        "en-US",
        (
            City("Nairobi", "Nairobi County", "Africa/Nairobi", "00###", weight=3),
            City("Mombasa", "Mombasa County", "Africa/Nairobi", "80###"),
        ),
        ("Moi Avenue", "Kenyatta Avenue", "Ngong Road", "Waiyaki Way"),
        "in",
        _mail(),
        ("sw-KE",),
    ),
    "EG": Country(
        "EG",
        "ar-EG",
        "ar",
        (
            City("Cairo", "Cairo", "Africa/Cairo", "11###", weight=3),
            City("Giza", "Giza", "Africa/Cairo", "12###"),
            City("Alexandria", "Alexandria", "Africa/Cairo", "21###"),
        ),
        ("Tahrir Street", "El Nasr Road", "Abbas El Akkad Street", "Corniche Road"),
        "in",
        _mail(),
        ("en-US",),
    ),
    "VN": Country(
        "VN",
        "vi-VN",
        "vi",
        (
            City("Ho Chi Minh City", "Ho Chi Minh City", "Asia/Ho_Chi_Minh", "7#####", weight=3),
            City("Hà Nội", "Hà Nội", "Asia/Ho_Chi_Minh", "1#####", weight=2),
            City("Đà Nẵng", "Đà Nẵng", "Asia/Ho_Chi_Minh", "55####"),
        ),
        ("Nguyễn Huệ", "Lê Lợi", "Trần Hưng Đạo", "Điện Biên Phủ", "Võ Văn Tần"),
        "in",
        _mail(),
        ("en-US",),
    ),
    "KR": Country(
        "KR",
        "ko-KR",
        "ko-KR",
        (
            City("Seoul", "Seoul", "Asia/Seoul", "0####", weight=5),
            City("Seongnam", "Gyeonggi-do", "Asia/Seoul", "13###", weight=2),
            City("Busan", "Busan", "Asia/Seoul", "4####", weight=1.5),
            City("Incheon", "Incheon", "Asia/Seoul", "2####"),
            City("Daejeon", "Daejeon", "Asia/Seoul", "3####"),
        ),
        (
            "Teheran-ro",
            "Gangnam-daero",
            "Sejong-daero",
            "Olympic-ro",
            "Pangyoyeok-ro",
            "Hakdong-ro",
            "Dosan-daero",
        ),
        "kr",
        _mail(("naver.com", 25.0), ("daum.net", 6.0), ("kakao.com", 2.0)),
        ("en-US",),
    ),
    "JP": Country(
        "JP",
        "ja-JP",
        "ja-JP",
        (
            City("Tokyo", "Tokyo", "Asia/Tokyo", "1##-####", weight=5),
            City("Yokohama", "Kanagawa", "Asia/Tokyo", "22#-####", weight=1.5),
            City("Osaka", "Osaka", "Asia/Tokyo", "53#-####", weight=2),
            City("Fukuoka", "Fukuoka", "Asia/Tokyo", "81#-####"),
            City("Kyoto", "Kyoto", "Asia/Tokyo", "60#-####"),
        ),
        ("Shibuya", "Minato", "Shinjuku", "Setagaya", "Chuo", "Naka", "Sakyo"),
        "jp",
        _mail(("yahoo.co.jp", 10.0), ("docomo.ne.jp", 1.0)),
        ("en-US",),
    ),
    "CN": Country(
        "CN",
        "zh-CN",
        "zh-CN",
        (
            City("Shanghai", "Shanghai", "Asia/Shanghai", "200###", weight=3),
            City("Beijing", "Beijing", "Asia/Shanghai", "100###", weight=3),
            City("Shenzhen", "Guangdong", "Asia/Shanghai", "518###", weight=2),
            City("Hangzhou", "Zhejiang", "Asia/Shanghai", "310###", weight=1.5),
            City("Chengdu", "Sichuan", "Asia/Shanghai", "610###"),
        ),
        ("Nanjing Road", "Zhongshan Road", "Renmin Road", "Jianguo Road", "Keyuan Road"),
        "cn",
        (
            ("qq.com", 30.0),
            ("163.com", 20.0),
            ("126.com", 6.0),
            ("gmail.com", 10.0),
            ("outlook.com", 5.0),
            ("foxmail.com", 3.0),
        ),
        ("en-US",),
    ),
    "TW": Country(
        "TW",
        "zh-TW",
        "zh-TW",
        (
            City("Taipei", "Taipei City", "Asia/Taipei", "1##", weight=3),
            City("Hsinchu", "Hsinchu City", "Asia/Taipei", "30#"),
            City("Taichung", "Taichung City", "Asia/Taipei", "40#"),
        ),
        ("Zhongxiao East Road", "Xinyi Road", "Guangfu Road", "Minsheng Road"),
        "cn",
        _mail(("yahoo.com.tw", 4.0)),
        ("en-US",),
    ),
    "SG": Country(
        "SG",
        "en-SG",
        "en-US",
        (City("Singapore", "Singapore", "Asia/Singapore", "######", weight=1),),
        ("Orchard Road", "Tampines Street 21", "Ang Mo Kio Avenue 3", "Clementi Road"),
        "uk",
        _mail(),
        ("zh-SG",),
    ),
    "MY": Country(
        "MY",
        "en-MY",
        "en-US",
        (
            City("Kuala Lumpur", "Wilayah Persekutuan", "Asia/Kuala_Lumpur", "5####", weight=2),
            City("Penang", "Pulau Pinang", "Asia/Kuala_Lumpur", "1####"),
        ),
        ("Jalan Ampang", "Jalan Bukit Bintang", "Jalan Tun Razak"),
        "uk",
        _mail(),
        ("ms-MY",),
    ),
    "AU": Country(
        "AU",
        "en-AU",
        "en-US",
        (
            City("Sydney", "NSW", "Australia/Sydney", "20##", weight=3),
            City("Melbourne", "VIC", "Australia/Melbourne", "30##", weight=3),
            City("Brisbane", "QLD", "Australia/Brisbane", "40##"),
            City("Perth", "WA", "Australia/Perth", "60##"),
        ),
        ("George St", "Collins St", "Queen St", "Hay St", "Chapel St"),
        "us",
        _mail(("bigpond.com", 1.0)),
    ),
    "RU": Country(
        "RU",
        "ru-RU",
        "ru-RU",
        (
            City("Moscow", "Moscow", "Europe/Moscow", "1#####", weight=3),
            City("Saint Petersburg", "Saint Petersburg", "Europe/Moscow", "19####", weight=2),
            City("Novosibirsk", "Novosibirsk Oblast", "Asia/Novosibirsk", "630###"),
            City("Vladivostok", "Primorsky Krai", "Asia/Vladivostok", "690###", weight=0.5),
        ),
        ("ul. Lenina", "ul. Gagarina", "Nevsky prospekt", "ul. Tverskaya"),
        "ru",
        (("mail.ru", 25.0), ("yandex.ru", 20.0), ("gmail.com", 20.0), ("rambler.ru", 3.0)),
        ("en-US",),
    ),
    "PT": Country(
        "PT",
        "pt-PT",
        "pt-PT",
        (
            City("Lisboa", "Lisboa", "Europe/Lisbon", "1###-###", weight=3),
            City("Porto", "Porto", "Europe/Lisbon", "4###-###", weight=2),
            City("Braga", "Braga", "Europe/Lisbon", "47##-###"),
        ),
        ("Rua Augusta", "Avenida da Liberdade", "Rua de Santa Catarina", "Rua do Carmo"),
        "latam",
        _mail(("sapo.pt", 3.0)),
        ("en-US",),
    ),
    "TR": Country(
        "TR",
        "tr-TR",
        "tr-TR",
        (
            City("İstanbul", "İstanbul", "Europe/Istanbul", "34###", weight=4),
            City("Ankara", "Ankara", "Europe/Istanbul", "06###", weight=2),
            City("İzmir", "İzmir", "Europe/Istanbul", "35###"),
        ),
        ("Atatürk Caddesi", "İstiklal Caddesi", "Bağdat Caddesi", "Cumhuriyet Caddesi"),
        "eu",
        _mail(("yandex.com.tr", 2.0)),
        ("en-US",),
    ),
    "ZA": Country(
        "ZA",
        "en-ZA",
        "en-US",
        (
            City("Johannesburg", "Gauteng", "Africa/Johannesburg", "2###", weight=3),
            City("Cape Town", "Western Cape", "Africa/Johannesburg", "8###", weight=3),
            City("Durban", "KwaZulu-Natal", "Africa/Johannesburg", "4###"),
            City("Pretoria", "Gauteng", "Africa/Johannesburg", "0###"),
        ),
        ("Main Road", "Long Street", "Jan Smuts Avenue", "Church Street", "Oxford Road"),
        "us",
        _mail(("webmail.co.za", 1.0)),
        ("af-ZA",),
    ),
    "ID": Country(
        "ID",
        "id-ID",
        "en-US",
        (
            City("Jakarta", "DKI Jakarta", "Asia/Jakarta", "1####", weight=4),
            City("Bandung", "Jawa Barat", "Asia/Jakarta", "40###", weight=1.5),
            City("Surabaya", "Jawa Timur", "Asia/Jakarta", "60###"),
            City("Yogyakarta", "DI Yogyakarta", "Asia/Jakarta", "55###"),
        ),
        ("Jl. Sudirman", "Jl. Thamrin", "Jl. Gatot Subroto", "Jl. Diponegoro"),
        "in",
        _mail(),
        ("en-US",),
    ),
    "BD": Country(
        "BD",
        "bn-BD",
        "en-US",
        (
            City("Dhaka", "Dhaka Division", "Asia/Dhaka", "12##", weight=4),
            City("Chittagong", "Chittagong Division", "Asia/Dhaka", "4###"),
        ),
        ("Road 11, Banani", "Gulshan Avenue", "Dhanmondi Road 27", "Mirpur Road"),
        "in",
        _mail(),
        ("en-US",),
    ),
    "IL": Country(
        "IL",
        "he-IL",
        "he",
        (
            City("Tel Aviv", "Tel Aviv District", "Asia/Jerusalem", "6######", weight=3),
            City("Haifa", "Haifa District", "Asia/Jerusalem", "3######"),
            City("Jerusalem", "Jerusalem District", "Asia/Jerusalem", "9######"),
        ),
        ("Rothschild Blvd", "Dizengoff St", "Herzl St", "Ben Yehuda St"),
        "uk",
        _mail(("walla.co.il", 1.0)),
        ("en-US",),
    ),
    "TH": Country(
        "TH",
        "th-TH",
        "th",
        (
            City("Bangkok", "Bangkok", "Asia/Bangkok", "10###", weight=4),
            City("Chiang Mai", "Chiang Mai", "Asia/Bangkok", "50###"),
        ),
        ("Sukhumvit Road", "Silom Road", "Ratchadaphisek Road", "Nimmanhaemin Road"),
        "in",
        _mail(("hotmail.co.th", 2.0)),
        ("en-US",),
    ),
    "GH": Country(
        "GH",
        "en-GH",
        "en-US",
        (
            City("Accra", "Greater Accra", "Africa/Accra", "GA-###-####", weight=3),
            City("Kumasi", "Ashanti", "Africa/Accra", "AK-###-####"),
        ),
        ("Oxford Street", "Independence Avenue", "Liberation Road", "Spintex Road"),
        "in",
        _mail(),
    ),
}

# Where honest applicants to (mostly US) remote roles live.
RESIDENCE_WEIGHTS: dict[str, float] = {
    "US": 62.0,
    "CA": 5.0,
    "GB": 3.5,
    "IE": 0.5,
    "DE": 2.5,
    "NL": 0.8,
    "FR": 0.8,
    "ES": 0.8,
    "IT": 0.5,
    "PL": 2.0,
    "UA": 1.8,
    "RO": 0.7,
    "SE": 0.3,
    "IN": 5.0,
    "PK": 0.8,
    "PH": 1.8,
    "BR": 2.0,
    "MX": 1.5,
    "AR": 0.8,
    "CO": 0.7,
    "NG": 1.3,
    "KE": 0.5,
    "EG": 0.5,
    "VN": 0.8,
    "KR": 1.0,
    "JP": 0.8,
    "CN": 0.5,
    "TW": 0.4,
    "SG": 0.4,
    "MY": 0.3,
    "AU": 0.8,
    "RU": 0.3,
    "PT": 0.6,
    "TR": 0.6,
    "ZA": 0.5,
    "ID": 0.5,
    "BD": 0.4,
    "IL": 0.4,
    "TH": 0.3,
    "GH": 0.3,
}


def postal_code(rng: random.Random, pattern: str) -> str:
    out = []
    for ch in pattern:
        if ch == "#":
            out.append(str(rng.randrange(10)))
        elif ch == "@":
            out.append("ABCEGHJKLMNPRSTVWXYZ"[rng.randrange(20)])
        else:
            out.append(ch)
    return "".join(out)


def street_line(rng: random.Random, country: Country) -> str:
    street = rng.choice(country.streets)
    style = country.street_style
    if style == "us":
        num = rng.choice((rng.randrange(1, 200), rng.randrange(100, 9999), rng.randrange(10, 999)))
        return f"{num} {street}"
    if style == "uk":
        return f"{rng.randrange(1, 180)} {street}"
    if style == "eu":
        return f"{street} {rng.randrange(1, 140)}"
    if style == "fr":
        return f"{rng.randrange(1, 120)} {street}"
    if style == "latam":
        return f"{street}, {rng.randrange(10, 3000)}"
    if style == "jp":
        return f"{rng.randrange(1, 6)}-{rng.randrange(1, 30)}-{rng.randrange(1, 20)} {street}"
    if style == "kr":
        return f"{rng.randrange(1, 500)} {street}"
    if style == "cn":
        return f"No. {rng.randrange(1, 900)} {street}"
    if style == "ru":
        return f"{street}, d. {rng.randrange(1, 120)}"
    return f"{rng.randrange(1, 300)} {street}"


def unit_line(rng: random.Random, country: Country) -> str | None:
    if rng.random() > 0.35:
        return None
    style = country.street_style
    if style == "us":
        return rng.choice(("Apt ", "Unit ", "Apt. ", "#", "Suite ")) + str(rng.randrange(1, 2400))
    if style == "uk":
        return f"Flat {rng.randrange(1, 60)}"
    if style in ("eu", "ru"):
        return f"kv. {rng.randrange(1, 200)}" if style == "ru" else f"{rng.randrange(1, 6)}. OG"
    if style == "kr":
        return f"{rng.randrange(101, 120)}-dong {rng.randrange(101, 2500)}-ho"
    return f"Apt {rng.randrange(1, 400)}"
