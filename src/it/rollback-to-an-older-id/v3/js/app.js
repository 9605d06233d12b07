app(3);
