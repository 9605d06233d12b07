app(2);
