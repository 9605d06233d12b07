added();
