from prestatie.cli.main import main

main()
