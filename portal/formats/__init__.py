"""The portal's own date formats where Django's default for a language is not the one the portal uses
(FORMAT_MODULE_PATH): templates format dates with `date:"DATE_FORMAT"`, so each language writes them
its own way ("17 December 2015", "17 décembre 2015", "17 декабря 2015 г.", "2015年12月17日")."""
