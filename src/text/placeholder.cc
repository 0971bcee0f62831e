// Removed when the text front end lands.
