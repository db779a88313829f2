# English dates as the United Nations writes them: "17 December 2015" (Django's default is "Dec. 17, 2015").
DATE_FORMAT = "j F Y"
