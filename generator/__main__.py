from generator.cli.entry import main

main()
