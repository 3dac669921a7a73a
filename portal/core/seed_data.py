"""Seed taxonomies used by the data migrations (so production gets them, not only demo data).

Region and municipality codes are the official ones from Danmarks Statistik/KL
(regionskoder and 3-digit kommunekoder).
"""

# (code, slug, name)
REGIONS = (
    (1084, "hovedstaden", "Region Hovedstaden"),
    (1085, "sjaelland", "Region Sjælland"),
    (1083, "syddanmark", "Region Syddanmark"),
    (1082, "midtjylland", "Region Midtjylland"),
    (1081, "nordjylland", "Region Nordjylland"),
)

# (code, name, region_code) - all 98 kommuner (Christiansø is not a municipality)
MUNICIPALITIES = (
    # Region Hovedstaden (29)
    (101, "København", 1084),
    (147, "Frederiksberg", 1084),
    (151, "Ballerup", 1084),
    (153, "Brøndby", 1084),
    (155, "Dragør", 1084),
    (157, "Gentofte", 1084),
    (159, "Gladsaxe", 1084),
    (161, "Glostrup", 1084),
    (163, "Herlev", 1084),
    (165, "Albertslund", 1084),
    (167, "Hvidovre", 1084),
    (169, "Høje-Taastrup", 1084),
    (173, "Lyngby-Taarbæk", 1084),
    (175, "Rødovre", 1084),
    (183, "Ishøj", 1084),
    (185, "Tårnby", 1084),
    (187, "Vallensbæk", 1084),
    (190, "Furesø", 1084),
    (201, "Allerød", 1084),
    (210, "Fredensborg", 1084),
    (217, "Helsingør", 1084),
    (219, "Hillerød", 1084),
    (223, "Hørsholm", 1084),
    (230, "Rudersdal", 1084),
    (240, "Egedal", 1084),
    (250, "Frederikssund", 1084),
    (260, "Halsnæs", 1084),
    (270, "Gribskov", 1084),
    (400, "Bornholm", 1084),
    # Region Sjælland (17)
    (253, "Greve", 1085),
    (259, "Køge", 1085),
    (265, "Roskilde", 1085),
    (269, "Solrød", 1085),
    (306, "Odsherred", 1085),
    (316, "Holbæk", 1085),
    (320, "Faxe", 1085),
    (326, "Kalundborg", 1085),
    (329, "Ringsted", 1085),
    (330, "Slagelse", 1085),
    (336, "Stevns", 1085),
    (340, "Sorø", 1085),
    (350, "Lejre", 1085),
    (360, "Lolland", 1085),
    (370, "Næstved", 1085),
    (376, "Guldborgsund", 1085),
    (390, "Vordingborg", 1085),
    # Region Syddanmark (22)
    (410, "Middelfart", 1083),
    (420, "Assens", 1083),
    (430, "Faaborg-Midtfyn", 1083),
    (440, "Kerteminde", 1083),
    (450, "Nyborg", 1083),
    (461, "Odense", 1083),
    (479, "Svendborg", 1083),
    (480, "Nordfyns", 1083),
    (482, "Langeland", 1083),
    (492, "Ærø", 1083),
    (510, "Haderslev", 1083),
    (530, "Billund", 1083),
    (540, "Sønderborg", 1083),
    (550, "Tønder", 1083),
    (561, "Esbjerg", 1083),
    (563, "Fanø", 1083),
    (573, "Varde", 1083),
    (575, "Vejen", 1083),
    (580, "Aabenraa", 1083),
    (607, "Fredericia", 1083),
    (621, "Kolding", 1083),
    (630, "Vejle", 1083),
    # Region Midtjylland (19)
    (615, "Horsens", 1082),
    (657, "Herning", 1082),
    (661, "Holstebro", 1082),
    (665, "Lemvig", 1082),
    (671, "Struer", 1082),
    (706, "Syddjurs", 1082),
    (707, "Norddjurs", 1082),
    (710, "Favrskov", 1082),
    (727, "Odder", 1082),
    (730, "Randers", 1082),
    (740, "Silkeborg", 1082),
    (741, "Samsø", 1082),
    (746, "Skanderborg", 1082),
    (751, "Aarhus", 1082),
    (756, "Ikast-Brande", 1082),
    (760, "Ringkøbing-Skjern", 1082),
    (766, "Hedensted", 1082),
    (779, "Skive", 1082),
    (791, "Viborg", 1082),
    # Region Nordjylland (11)
    (773, "Morsø", 1081),
    (787, "Thisted", 1081),
    (810, "Brønderslev", 1081),
    (813, "Frederikshavn", 1081),
    (820, "Vesthimmerlands", 1081),
    (825, "Læsø", 1081),
    (840, "Rebild", 1081),
    (846, "Mariagerfjord", 1081),
    (849, "Jammerbugt", 1081),
    (851, "Aalborg", 1081),
    (860, "Hjørring", 1081),
)

# (slug, name)
TARGET_GROUPS = (
    ("aeldre", "Ældre"),
    ("ensomme", "Ensomme"),
    ("mennesker-med-demens", "Mennesker med demens"),
    ("boern-og-unge", "Børn og unge"),
    ("etniske-minoriteter", "Etniske minoriteter"),
    ("flygtninge", "Flygtninge"),
    ("mennesker-med-handicap", "Mennesker med handicap"),
    ("paaroerende", "Pårørende"),
    ("doeende", "Døende"),
    ("hjemloese", "Hjemløse"),
    ("socialt-udsatte", "Socialt udsatte"),
    ("mennesker-med-psykisk-saarbarhed", "Mennesker med psykisk sårbarhed"),
    ("familier", "Familier"),
)

# (slug, name)
ACTIVITIES = (
    ("besoegsven", "Besøgsven"),
    ("it-hjaelp", "IT-hjælp"),
    ("vaagetjeneste", "Vågetjeneste"),
    ("spiseven", "Spiseven"),
    ("motionsven", "Motionsven"),
    ("lektiehjaelp", "Lektiehjælp"),
    ("mentor", "Mentor"),
    ("transport", "Transport"),
    ("praktisk-hjaelp", "Praktisk hjælp"),
    ("arrangementer", "Arrangementer"),
    ("sprogven", "Sprogven"),
    ("raadgivning", "Rådgivning"),
    ("indsamling", "Indsamling"),
)

# (slug, name)
THEMES = (
    ("ensomhed", "Ensomhed"),
    ("digital-inklusion", "Digital inklusion"),
    ("sundhed-og-trivsel", "Sundhed og trivsel"),
    ("integration", "Integration"),
    ("boern-og-unge", "Børn og unge"),
    ("demens", "Demens"),
    ("den-sidste-tid", "Den sidste tid"),
    ("samskabelse", "Samskabelse"),
    ("frivilligledelse", "Frivilligledelse"),
    ("beskaeftigelse", "Beskæftigelse"),
)

# English names by slug (region by code), filled by the migration that added
# ``name_en``. Municipalities have none: their names are proper names.
REGIONS_EN = {
    1084: "Capital Region of Denmark",
    1085: "Region Zealand",
    1083: "Region of Southern Denmark",
    1082: "Central Denmark Region",
    1081: "North Denmark Region",
}

TARGET_GROUPS_EN = {
    "aeldre": "Older people",
    "ensomme": "Lonely people",
    "mennesker-med-demens": "People with dementia",
    "boern-og-unge": "Children and young people",
    "etniske-minoriteter": "Ethnic minorities",
    "flygtninge": "Refugees",
    "mennesker-med-handicap": "People with disabilities",
    "paaroerende": "Relatives and carers",
    "doeende": "People at the end of life",
    "hjemloese": "Homeless people",
    "socialt-udsatte": "Socially vulnerable people",
    "mennesker-med-psykisk-saarbarhed": "People with mental health difficulties",
    "familier": "Families",
}

ACTIVITIES_EN = {
    "besoegsven": "Visiting friend",
    "it-hjaelp": "IT help",
    "vaagetjeneste": "Vigil at the end of life",
    "spiseven": "Meal companion",
    "motionsven": "Exercise buddy",
    "lektiehjaelp": "Homework help",
    "mentor": "Mentor",
    "transport": "Transport",
    "praktisk-hjaelp": "Practical help",
    "arrangementer": "Events",
    "sprogven": "Language buddy",
    "raadgivning": "Advice and counselling",
    "indsamling": "Fundraising",
}

THEMES_EN = {
    "ensomhed": "Loneliness",
    "digital-inklusion": "Digital inclusion",
    "sundhed-og-trivsel": "Health and well-being",
    "integration": "Integration",
    "boern-og-unge": "Children and young people",
    "demens": "Dementia",
    "den-sidste-tid": "End of life",
    "samskabelse": "Co-creation",
    "frivilligledelse": "Volunteer management",
    "beskaeftigelse": "Employment",
}
