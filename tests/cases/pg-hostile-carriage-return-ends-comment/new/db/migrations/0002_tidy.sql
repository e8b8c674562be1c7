-- tidy up (written on an old Mac: this line ends in a carriage return)DROP TABLE orders;
