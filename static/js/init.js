// Start Det Fælles Designsystem's components; kept out of the HTML for the CSP.
DKFDS.init();
