# Arabic dates without the comma Django puts between month and year: "17 ديسمبر 2015".
DATE_FORMAT = "j F Y"
