const x = `unterminated ${ foo `
